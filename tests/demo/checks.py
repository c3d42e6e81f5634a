"""Independent checks, straight from the database, that a planted imperfection is really there.

Each check returns the codes of the objects that show the imperfection; a test asserts that
every code the generator says it planted is among them. They read the data the way a
conformance check would, not the way the generator built it.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from django.db.models import Q

from mgz.availability.constants import Function, ScopeKind
from mgz.availability.models import Absence, Arrangement
from mgz.registry.constants import (
    CareTeamRole,
    Discipline,
    LocationKind,
    LocationStatus,
    Sector,
    TreatmentModel,
)
from mgz.registry.models import CareTeamMember, Location, Patient

KINDS_OF_SECTOR = {
    Sector.VV: [
        LocationKind.VERPLEEGHUIS,
        LocationKind.KLEINSCHALIG_WONEN,
        LocationKind.GECLUSTERD_WONEN,
    ],
    Sector.GHZ: [LocationKind.GHZ_WOONVOORZIENING],
    Sector.GGZ: [LocationKind.GGZ_WOONVOORZIENING],
}
VV_KINDS = KINDS_OF_SECTOR[Sector.VV]
PHYSICIANS = (Discipline.HUISARTS, Discipline.SO, Discipline.AVG)


def covered_locations(function: str, *, anw: bool = False, sector_groups: bool = True) -> set[str]:
    """Codes of locations some arrangement for `function` covers (in ANW hours if `anw`)."""
    arrangements = Arrangement.objects.filter(function=function)
    if anw:
        arrangements = arrangements.filter(Q(pattern__contains="anw") | Q(pattern="altijd"))
    codes: set[str] = set()
    for arrangement in arrangements.prefetch_related("locations"):
        kind = arrangement.scope_kind
        if kind == ScopeKind.LOCATIONS:
            codes |= {loc.code for loc in arrangement.locations.all()}
        elif kind == ScopeKind.ORGANISATION:
            codes |= set(
                Location.objects.filter(
                    organisation_id=arrangement.scope_organisation_id
                ).values_list("code", flat=True)
            )
        elif kind == ScopeKind.PATIENT_GROUP and sector_groups:
            codes |= set(
                Location.objects.filter(
                    region_id=arrangement.scope_region_id,
                    kind__in=KINDS_OF_SECTOR[arrangement.scope_sector],
                ).values_list("code", flat=True)
            )
        elif kind == ScopeKind.REGION:
            codes |= set(
                Location.objects.filter(region_id=arrangement.scope_region_id).values_list(
                    "code", flat=True
                )
            )
        elif kind == ScopeKind.SUBREGION:
            codes |= set(
                Location.objects.filter(subregion_id=arrangement.scope_subregion_id).values_list(
                    "code", flat=True
                )
            )
    return codes


def _codes(queryset) -> set[str]:
    return set(queryset.values_list("code", flat=True))


def _location_scoped() -> set[str]:
    """Locations named by any arrangement (own list or whole organisation)."""
    listed = _codes(Location.objects.filter(arrangements__isnull=False))
    orgs = Arrangement.objects.filter(scope_kind=ScopeKind.ORGANISATION).values(
        "scope_organisation_id"
    )
    return listed | _codes(Location.objects.filter(organisation_id__in=orgs))


def _current_regie(today: date):
    return CareTeamMember.objects.filter(
        role=CareTeamRole.REGIEBEHANDELAAR, start__lte=today
    ).filter(Q(end__isnull=True) | Q(end__gte=today))


def vv_location_without_anw_so(today: date) -> set[str]:
    vv = _codes(Location.objects.filter(kind__in=VV_KINDS))
    return vv - covered_locations(Function.SO_ZORG, anw=True)


def location_without_voorwacht(today: date) -> set[str]:
    return _codes(Location.objects.all()) - covered_locations(Function.VERPLEEGKUNDIGE_VOORWACHT)


def location_without_gedragskundige_anw(today: date) -> set[str]:
    return _codes(Location.objects.all()) - covered_locations(
        Function.GEDRAGSKUNDIGE_VOORWACHT, anw=True
    )


def pgb_wooninitiatief_without_arrangements(today: date) -> set[str]:
    wis = Location.objects.filter(kind=LocationKind.PGB_WOONINITIATIEF)
    bare = _codes(wis) - _location_scoped()
    with_patient_scope = _codes(
        Location.objects.filter(patients__arrangements__isnull=False).distinct()
    )
    return bare - with_patient_scope


def planned_location_without_arrangements(today: date) -> set[str]:
    planned = Location.objects.filter(
        status=LocationStatus.GEPLAND, planned_opening__gt=today, patients__isnull=True
    )
    return _codes(planned) - _location_scoped()


def location_without_infection_protocol(today: date) -> set[str]:
    return _codes(Location.objects.filter(protocol_infection_date__isnull=True))


def location_without_wzd_protocol(today: date) -> set[str]:
    return _codes(Location.objects.filter(protocol_wzd_date__isnull=True))


def patient_without_coordinator(today: date) -> set[str]:
    return _codes(Patient.objects.filter(coordinator__isnull=True))


def patient_without_companion(today: date) -> set[str]:
    return _codes(Patient.objects.filter(companion_name=""))


def ion_gp_with_so_regiebehandelaar(today: date) -> set[str]:
    so_regie = _current_regie(today).filter(professional__discipline=Discipline.SO)
    return _codes(
        Patient.objects.filter(ion_practice__isnull=False, id__in=so_regie.values("patient_id"))
    )


def met_behandeling_patient_with_ion(today: date) -> set[str]:
    return _codes(
        Patient.objects.filter(
            ion_practice__isnull=False,
            location__treatment_model=TreatmentModel.MET_BEHANDELING,
        )
    )


def ghz_patient_only_avg(today: date) -> set[str]:
    physicians = CareTeamMember.objects.filter(professional__discipline__in=PHYSICIANS)
    non_avg = physicians.exclude(professional__discipline=Discipline.AVG).values("patient_id")
    avg = physicians.filter(professional__discipline=Discipline.AVG).values("patient_id")
    return _codes(Patient.objects.filter(sector=Sector.GHZ, id__in=avg).exclude(id__in=non_avg))


def patient_without_regiebehandelaar(today: date) -> set[str]:
    return _codes(Patient.objects.exclude(id__in=_current_regie(today).values("patient_id")))


def absence_without_replacement(today: date) -> set[str]:
    return set(
        Absence.objects.filter(replacement__isnull=True).values_list(
            "professional__code", flat=True
        )
    )


def absence_with_replacement(today: date) -> set[str]:
    return set(
        Absence.objects.filter(replacement__isnull=False).values_list(
            "professional__code", flat=True
        )
    )


CHECKS: dict[str, Callable[[date], set[str]]] = {
    "vv_location_without_anw_so": vv_location_without_anw_so,
    "patient_without_coordinator": patient_without_coordinator,
    "location_without_infection_protocol": location_without_infection_protocol,
    "location_without_wzd_protocol": location_without_wzd_protocol,
    "patient_without_companion": patient_without_companion,
    "pgb_wooninitiatief_without_arrangements": pgb_wooninitiatief_without_arrangements,
    "ion_gp_with_so_regiebehandelaar": ion_gp_with_so_regiebehandelaar,
    "met_behandeling_patient_with_ion": met_behandeling_patient_with_ion,
    "ghz_patient_only_avg": ghz_patient_only_avg,
    "location_without_voorwacht": location_without_voorwacht,
    "location_without_gedragskundige_anw": location_without_gedragskundige_anw,
    "patient_without_regiebehandelaar": patient_without_regiebehandelaar,
    "absence_without_replacement": absence_without_replacement,
    "absence_with_replacement": absence_with_replacement,
    "planned_location_without_arrangements": planned_location_without_arrangements,
}
