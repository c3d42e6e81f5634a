"""The naive baseline: query the ORM on every request, then route with the reference.

Not used by the service. The benchmark measures the index against it, and the tests hold the
two to identical answers; it shows what the index saves.
"""

from __future__ import annotations

from datetime import datetime

from django.db.models import Q

from mgz.availability.models import Absence, Arrangement
from mgz.core.routing import RouteResult, UnknownPatient, route_reference, validate_codes
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
from mgz.registry.models import CareTeamMember, Organisation, Patient, Professional


def route_via_orm(
    patient_code: str, moment: datetime, question: str, urgency: str, caller: str
) -> RouteResult:
    validate_codes(question, urgency, caller)
    patient = (
        Patient.objects.select_related("region", "location", "location__region")
        .filter(code=patient_code)
        .first()
    )
    if patient is None:
        raise UnknownPatient(f"cliënt '{patient_code}' is niet bekend")
    location = patient.location
    through_patients = Arrangement.patients.through.objects
    through_locations = Arrangement.locations.through.objects
    ids = set(
        through_patients.filter(patient_id=patient.id).values_list("arrangement_id", flat=True)
    )
    scope = Q(scope_kind__in=("regio", "patientgroep"), scope_region_id=patient.region_id)
    if location is not None:
        ids |= set(
            through_locations.filter(location_id=location.id).values_list(
                "arrangement_id", flat=True
            )
        )
        scope |= Q(scope_kind="organisatie", scope_organisation_id=location.organisation_id)
        scope |= Q(scope_kind="regio", scope_region_id=location.region_id)
        if location.subregion_id:
            scope |= Q(scope_kind="subregio", scope_subregion_id=location.subregion_id)
    ids |= set(Arrangement.objects.filter(scope).values_list("id", flat=True))
    arrangements = list(Arrangement.objects.filter(id__in=ids))
    # Only this patient's and this location's memberships matter for the scope test.
    own_locations = {location.id} if location is not None else set()
    linked_locations = set(
        through_locations.filter(arrangement_id__in=ids, location_id__in=own_locations).values_list(
            "arrangement_id", flat=True
        )
    )
    linked_patients = set(
        through_patients.filter(arrangement_id__in=ids, patient_id=patient.id).values_list(
            "arrangement_id", flat=True
        )
    )
    team = list(CareTeamMember.objects.filter(patient=patient))
    people = {a.professional_id for a in arrangements if a.professional_id}
    people |= {m.professional_id for m in team}
    absences = list(Absence.objects.filter(professional_id__in=people).order_by("id"))
    people |= {a.replacement_id for a in absences if a.replacement_id}
    absences = list(Absence.objects.filter(professional_id__in=people).order_by("id"))
    organisations = {a.provider_organisation_id for a in arrangements if a.provider_organisation_id}
    regions = {patient.region}
    locations = []
    if location is not None:
        regions.add(location.region)
        locations.append(
            LocationSnap(
                location.id,
                location.code,
                location.name,
                location.organisation_id,
                location.region_id,
                location.kind,
                location.treatment_model,
                location.status,
                location.subregion_id,
            )
        )
        organisations.add(location.organisation_id)
    snapshot = Snapshot(
        regions=tuple(
            RegionSnap(r.id, r.code, r.name, r.anw_weekday_start, r.anw_weekday_end)
            for r in regions
        ),
        organisations=tuple(
            OrganisationSnap(o.id, o.code, o.name, o.kind, o.region_id)
            for o in Organisation.objects.filter(id__in=organisations)
        ),
        locations=tuple(locations),
        professionals=tuple(
            ProfessionalSnap(p.id, p.code, str(p), p.discipline, p.phone)
            for p in Professional.objects.filter(id__in=people)
        ),
        patients=(
            PatientSnap(
                id=patient.id,
                code=patient.code,
                zorgprofiel=patient.zorgprofiel,
                sector=patient.sector,
                leveringsvorm=patient.leveringsvorm,
                region_id=patient.region_id,
                location_id=patient.location_id,
                behandeling_ingekocht=patient.behandeling_ingekocht,
                verstandelijke_beperking=patient.verstandelijke_beperking,
            ),
        ),
        care_team=tuple(
            CareTeamSnap(m.patient_id, m.professional_id, m.role, m.start, m.end) for m in team
        ),
        arrangements=tuple(
            ArrangementSnap(
                id=a.id,
                code=a.code,
                function=a.function,
                mode=a.mode,
                scope_kind=a.scope_kind,
                pattern=parse_pattern(a.pattern),
                valid_from=a.valid_from,
                phone=a.phone,
                valid_to=a.valid_to,
                professional_id=a.professional_id,
                provider_organisation_id=a.provider_organisation_id,
                location_ids=frozenset(own_locations if a.id in linked_locations else ()),
                patient_ids=frozenset({patient.id} if a.id in linked_patients else ()),
                scope_organisation_id=a.scope_organisation_id,
                scope_region_id=a.scope_region_id,
                scope_subregion_id=a.scope_subregion_id,
                scope_sector=a.scope_sector,
            )
            for a in arrangements
        ),
        absences=tuple(
            AbsenceSnap(
                a.id,
                a.professional_id,
                a.kind,
                a.start,
                a.end,
                a.replacement_id,
                a.replacement_phone,
            )
            for a in absences
        ),
    )
    return route_reference(snapshot, patient_code, moment, question, urgency, caller)
