"""The one bridge from the database to the core: build a Snapshot with a handful of queries."""

from __future__ import annotations

from collections import defaultdict
from datetime import date

from django.conf import settings
from django.db.models import Q
from django.utils import timezone

from mgz.availability.models import Absence, Arrangement
from mgz.core.snapshot import (
    AbsenceSnap,
    ArrangementSnap,
    CareTeamSnap,
    LocationSnap,
    OrganisationSnap,
    PatientSnap,
    ProfessionalSnap,
    RegionSnap,
    Snapshot,
)
from mgz.core.weekpattern import parse_pattern
from mgz.registry.models import (
    CareTeamMember,
    Location,
    Organisation,
    Patient,
    Professional,
    ProfessionalRole,
    Region,
)

BATCH = 5000


def load_snapshot(*, region_ids: list[int] | None = None) -> Snapshot:
    """Load everything (or the given regions, with the organisations and people they use)."""
    regions = Region.objects.all()
    locations = Location.objects.all()
    patients = Patient.objects.all()
    if region_ids is not None:
        regions = regions.filter(id__in=region_ids)
        locations = locations.filter(region_id__in=region_ids)
        patients = patients.filter(region_id__in=region_ids)

    region_snaps = tuple(
        RegionSnap(r.id, r.code, r.name, r.anw_weekday_start, r.anw_weekday_end) for r in regions
    )
    location_rows = list(
        locations.values_list(
            "id",
            "code",
            "name",
            "organisation_id",
            "region_id",
            "kind",
            "treatment_model",
            "status",
            "subregion_id",
            "planned_opening",
            "hap_id",
            "capacity",
            "quality_standard_date",
            "protocol_infection_date",
            "protocol_wzd_date",
            "protocol_other_date",
        ).iterator(chunk_size=BATCH)
    )
    location_snaps = tuple(LocationSnap(*row) for row in location_rows)
    patient_snaps = tuple(
        PatientSnap(
            id=pid,
            code=code,
            zorgprofiel=profile,
            sector=sector,
            leveringsvorm=levering,
            region_id=region_id,
            location_id=location_id,
            home_postcode=postcode,
            behandeling_ingekocht=ingekocht,
            verstandelijke_beperking=vb,
            ion_practice_id=ion,
            ion_chose_other=other,
            coordinator_id=coordinator,
            has_companion=bool(companion_name),
        )
        for (
            pid,
            code,
            profile,
            sector,
            levering,
            region_id,
            location_id,
            postcode,
            ingekocht,
            vb,
            ion,
            other,
            coordinator,
            companion_name,
        ) in patients.values_list(
            "id",
            "code",
            "zorgprofiel",
            "sector",
            "leveringsvorm",
            "region_id",
            "location_id",
            "home_postcode",
            "behandeling_ingekocht",
            "verstandelijke_beperking",
            "ion_practice_id",
            "ion_chose_other",
            "coordinator_id",
            "companion_name",
        ).iterator(chunk_size=BATCH)
    )
    patient_ids = {p.id for p in patient_snaps} if region_ids is not None else None
    location_ids = {loc.id for loc in location_snaps} if region_ids is not None else None

    care_rows = CareTeamMember.objects.all()
    if region_ids is not None:
        care_rows = care_rows.filter(patient__region_id__in=region_ids)
    care_snaps = tuple(
        CareTeamSnap(*row)
        for row in care_rows.values_list(
            "patient_id", "professional_id", "role", "start", "end"
        ).iterator(chunk_size=BATCH)
    )

    arrangements = Arrangement.objects.all()
    if region_ids is not None:
        arrangements = arrangements.filter(
            Q(locations__region_id__in=region_ids)
            | Q(patients__region_id__in=region_ids)
            | Q(scope_region_id__in=region_ids)
            | Q(scope_subregion__region_id__in=region_ids)
            | Q(scope_organisation__locations__region_id__in=region_ids)
        ).distinct()
    arrangement_snaps = _arrangements(arrangements, location_ids, patient_ids)

    # In id order: when absences overlap, the first one decides (scope.absence_at).
    absences = Absence.objects.order_by("id")
    absence_snaps = tuple(
        AbsenceSnap(*row)
        for row in absences.values_list(
            "id", "professional_id", "kind", "start", "end", "replacement_id", "replacement_phone"
        )
    )

    roles: dict[int, list[int]] = defaultdict(list)
    for professional_id, organisation_id in ProfessionalRole.objects.values_list(
        "professional_id", "organisation_id"
    ):
        roles[professional_id].append(organisation_id)
    professional_snaps = tuple(
        ProfessionalSnap(
            pid, code, f"{initials} {family}".strip(), discipline, phone, tuple(roles[pid])
        )
        for pid, code, initials, family, discipline, phone in Professional.objects.values_list(
            "id", "code", "initials", "family_name", "discipline", "phone"
        ).iterator(chunk_size=BATCH)
    )
    organisation_snaps = tuple(
        OrganisationSnap(*row)
        for row in Organisation.objects.values_list(
            "id", "code", "name", "kind", "region_id", "contracted", "pgb_only", "phone"
        ).iterator(chunk_size=BATCH)
    )
    loaded_at = timezone.now()
    extra = {}
    regiotafel = _regiotafel(timezone.localdate(loaded_at), region_ids)
    if regiotafel is not None:
        extra["regiotafel"] = regiotafel
    handovers = _handover_patients(region_ids)
    if handovers is not None:
        extra["handover_patients"] = handovers
    extra["fallback_covered"] = _fallback_covered(timezone.localdate(loaded_at), region_ids)
    return Snapshot(
        regions=region_snaps,
        organisations=organisation_snaps,
        locations=location_snaps,
        professionals=professional_snaps,
        patients=patient_snaps,
        care_team=care_snaps,
        arrangements=arrangement_snaps,
        absences=absence_snaps,
        loaded_at=loaded_at,
        extra_holidays=frozenset(date.fromisoformat(d) for d in settings.MGZ_ANW_EXTRA_HOLIDAYS),
        extra=extra,
    )


def _handover_patients(region_ids: list[int] | None) -> frozenset[int] | None:
    """Ids of the patients with a written patiëntenoverdracht (rule 2.1.3.e); None without the
    handover app."""
    try:
        from mgz.handover.models import HandoverDocument
    except ImportError:  # pragma: no cover - the app is installed in this project
        return None
    documents = HandoverDocument.objects.all()
    if region_ids is not None:
        documents = documents.filter(patient__region_id__in=region_ids)
    return frozenset(documents.values_list("patient_id", flat=True).distinct())


def _fallback_covered(day, region_ids: list[int] | None) -> frozenset[int]:
    """Patients whose fall-back on the GP (2.2.6) is arranged on `day` (rule 2.2.6).

    Two ways, the same two the transfer workflow accepts (mgz.handover.transfers): a fallback
    agreement recorded on a completed transfer of the regiebehandelaarschap, or a valid
    regiotafel agreement naming clause 2.2.6 for the patient's region, subregion, organisation
    or location.
    """
    from mgz.handover.models import RegieTransfer
    from mgz.regiotafel.queries import patients_covered_by_clause

    transfers = RegieTransfer.objects.filter(status="afgerond").exclude(fallback_agreement="")
    if region_ids is not None:
        transfers = transfers.filter(patient__region_id__in=region_ids)
    covered = set(transfers.values_list("patient_id", flat=True))
    covered.update(
        patients_covered_by_clause("2.2.6", day, region_ids=region_ids).values_list("id", flat=True)
    )
    return frozenset(covered)


def _regiotafel(day, region_ids: list[int] | None) -> dict | None:
    """Regiotafel membership and agreement topics on `day`, for rules 2.3.3.2.b and 2.5.2.

    Plain values only (the core never sees a model). None when the regiotafel app is absent;
    the rules then report 'niet te beoordelen'.
    """
    try:
        from mgz.regiotafel import queries
        from mgz.regiotafel.constants import (
            REQUIRED_PARTY_KINDS,
            REQUIRED_TOPICS,
            PartyKind,
            Topic,
        )
    except ImportError:  # pragma: no cover - the app is installed in this project
        return None
    membership = queries.membership_by_region(day)
    topics = queries.agreement_topics_by_location(day, region_ids=region_ids)
    return {
        "day": day,
        "membership": {region: frozenset(map(str, kinds)) for region, kinds in membership.items()},
        "topics": {location: frozenset(map(str, t)) for location, t in topics.items()},
        "required_parties": frozenset(map(str, REQUIRED_PARTY_KINDS)),
        "required_topics": frozenset(map(str, REQUIRED_TOPICS)),
        "party_names": {str(k): str(v) for k, v in PartyKind.choices},
        "topic_names": {str(k): str(v) for k, v in Topic.choices},
    }


def _arrangements(queryset, location_ids, patient_ids) -> tuple[ArrangementSnap, ...]:
    rows = list(
        queryset.values_list(
            "id",
            "code",
            "function",
            "mode",
            "scope_kind",
            "pattern",
            "valid_from",
            "phone",
            "valid_to",
            "professional_id",
            "provider_organisation_id",
            "scope_organisation_id",
            "scope_region_id",
            "scope_subregion_id",
            "scope_sector",
        )
    )
    ids = [row[0] for row in rows]
    through_locations = Arrangement.locations.through.objects
    through_patients = Arrangement.patients.through.objects
    locs: dict[int, set[int]] = defaultdict(set)
    pats: dict[int, set[int]] = defaultdict(set)
    for start in range(0, len(ids), BATCH):
        chunk = ids[start : start + BATCH]
        for aid, lid in through_locations.filter(arrangement_id__in=chunk).values_list(
            "arrangement_id", "location_id"
        ):
            if location_ids is None or lid in location_ids:
                locs[aid].add(lid)
        for aid, pid in through_patients.filter(arrangement_id__in=chunk).values_list(
            "arrangement_id", "patient_id"
        ):
            if patient_ids is None or pid in patient_ids:
                pats[aid].add(pid)
    patterns: dict[str, object] = {}
    snaps = []
    for (
        aid,
        code,
        function,
        mode,
        scope_kind,
        pattern,
        valid_from,
        phone,
        valid_to,
        prof,
        org,
        scope_org,
        scope_region,
        scope_subregion,
        scope_sector,
    ) in rows:
        if pattern not in patterns:
            patterns[pattern] = parse_pattern(pattern)
        snaps.append(
            ArrangementSnap(
                id=aid,
                code=code,
                function=function,
                mode=mode,
                scope_kind=scope_kind,
                pattern=patterns[pattern],
                valid_from=valid_from,
                phone=phone,
                valid_to=valid_to,
                professional_id=prof,
                provider_organisation_id=org,
                location_ids=frozenset(locs.get(aid, ())),
                patient_ids=frozenset(pats.get(aid, ())),
                scope_organisation_id=scope_org,
                scope_region_id=scope_region,
                scope_subregion_id=scope_subregion,
                scope_sector=scope_sector,
            )
        )
    return tuple(snaps)


# Single objects, for the incremental re-check (mgz.conformance.services.recheck) ----------
def arrangement_snap(arrangement: Arrangement) -> ArrangementSnap:
    """The snapshot form of one saved arrangement (its scope sets read from the database)."""
    return ArrangementSnap(
        id=arrangement.id,
        code=arrangement.code,
        function=arrangement.function,
        mode=arrangement.mode,
        scope_kind=arrangement.scope_kind,
        pattern=parse_pattern(arrangement.pattern),
        valid_from=arrangement.valid_from,
        phone=arrangement.phone,
        valid_to=arrangement.valid_to,
        professional_id=arrangement.professional_id,
        provider_organisation_id=arrangement.provider_organisation_id,
        location_ids=frozenset(arrangement.locations.values_list("id", flat=True)),
        patient_ids=frozenset(arrangement.patients.values_list("id", flat=True)),
        scope_organisation_id=arrangement.scope_organisation_id,
        scope_region_id=arrangement.scope_region_id,
        scope_subregion_id=arrangement.scope_subregion_id,
        scope_sector=arrangement.scope_sector,
    )


def absence_snap(absence: Absence) -> AbsenceSnap:
    return AbsenceSnap(
        absence.id,
        absence.professional_id,
        absence.kind,
        absence.start,
        absence.end,
        absence.replacement_id,
        absence.replacement_phone,
    )


def patient_snap(patient: Patient) -> PatientSnap:
    return PatientSnap(
        id=patient.id,
        code=patient.code,
        zorgprofiel=patient.zorgprofiel,
        sector=patient.sector,
        leveringsvorm=patient.leveringsvorm,
        region_id=patient.region_id,
        location_id=patient.location_id,
        home_postcode=patient.home_postcode,
        behandeling_ingekocht=patient.behandeling_ingekocht,
        verstandelijke_beperking=patient.verstandelijke_beperking,
        ion_practice_id=patient.ion_practice_id,
        ion_chose_other=patient.ion_chose_other,
        coordinator_id=patient.coordinator_id,
        has_companion=bool(patient.companion_name),
    )


def care_team_of(patient_id: int) -> tuple[CareTeamSnap, ...]:
    """A patient's care team as the full loader reads it (same order)."""
    return tuple(
        CareTeamSnap(*row)
        for row in CareTeamMember.objects.filter(patient_id=patient_id).values_list(
            "patient_id", "professional_id", "role", "start", "end"
        )
    )
