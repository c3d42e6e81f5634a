"""An immutable picture of the registry and availability, loaded once from the database.

The conformance engine and routing work on this, never on the ORM: it is fast, it is
testable without a database, and one loader (mgz.conformance.loader) is the only bridge.
Ids are the database primary keys; codes are the stable business keys.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime, time
from functools import cached_property

from mgz.core.calendar import AnwCalendar, calendar_with
from mgz.core.weekpattern import WeekPattern


@dataclass(frozen=True)
class RegionSnap:
    id: int
    code: str
    name: str
    anw_weekday_start: time = time(17)
    anw_weekday_end: time = time(8)


@dataclass(frozen=True)
class OrganisationSnap:
    id: int
    code: str
    name: str
    kind: str  # registry.constants.OrganisationKind
    region_id: int | None = None
    contracted: bool = True
    pgb_only: bool = False
    phone: str = ""


@dataclass(frozen=True)
class LocationSnap:
    id: int
    code: str
    name: str
    organisation_id: int
    region_id: int
    kind: str  # LocationKind
    treatment_model: str  # TreatmentModel
    status: str = "open"  # LocationStatus
    subregion_id: int | None = None
    planned_opening: date | None = None
    hap_id: int | None = None
    capacity: int = 0
    quality_standard_date: date | None = None
    protocol_infection_date: date | None = None
    protocol_wzd_date: date | None = None
    protocol_other_date: date | None = None


@dataclass(frozen=True)
class ProfessionalSnap:
    id: int
    code: str
    name: str
    discipline: str  # Discipline
    phone: str = ""
    organisation_ids: tuple[int, ...] = ()


@dataclass(frozen=True)
class PatientSnap:
    id: int
    code: str
    zorgprofiel: str
    sector: str  # Sector: vv, ghz, ggz
    leveringsvorm: str  # Leveringsvorm
    region_id: int
    location_id: int | None = None
    home_postcode: str = ""
    behandeling_ingekocht: bool = False
    verstandelijke_beperking: bool = False
    ion_practice_id: int | None = None
    ion_chose_other: bool = False
    coordinator_id: int | None = None
    has_companion: bool = False


@dataclass(frozen=True)
class CareTeamSnap:
    patient_id: int
    professional_id: int
    role: str  # CareTeamRole
    start: date
    end: date | None = None  # inclusive; None = open

    def active_on(self, day: date) -> bool:
        return self.start <= day and (self.end is None or day <= self.end)


@dataclass(frozen=True)
class ArrangementSnap:
    id: int
    code: str
    function: str  # availability.constants.Function
    mode: str  # Mode: beschikbaar > bereikbaar > telefonisch
    scope_kind: str  # ScopeKind
    pattern: WeekPattern
    valid_from: date
    phone: str
    valid_to: date | None = None  # inclusive
    professional_id: int | None = None
    provider_organisation_id: int | None = None
    location_ids: frozenset[int] = frozenset()
    patient_ids: frozenset[int] = frozenset()
    scope_organisation_id: int | None = None
    scope_region_id: int | None = None
    scope_subregion_id: int | None = None
    scope_sector: str = ""


@dataclass(frozen=True)
class AbsenceSnap:
    id: int
    professional_id: int
    kind: str
    start: datetime  # aware
    end: datetime  # aware, exclusive
    replacement_id: int | None = None
    replacement_phone: str = ""


@dataclass(frozen=True)
class Snapshot:
    regions: tuple[RegionSnap, ...] = ()
    organisations: tuple[OrganisationSnap, ...] = ()
    locations: tuple[LocationSnap, ...] = ()
    professionals: tuple[ProfessionalSnap, ...] = ()
    patients: tuple[PatientSnap, ...] = ()
    care_team: tuple[CareTeamSnap, ...] = ()
    arrangements: tuple[ArrangementSnap, ...] = ()
    absences: tuple[AbsenceSnap, ...] = ()
    loaded_at: datetime | None = None
    extra_holidays: frozenset[date] = frozenset()
    extra: dict = field(default_factory=dict, compare=False)

    @cached_property
    def region_by_id(self) -> dict[int, RegionSnap]:
        return {r.id: r for r in self.regions}

    @cached_property
    def organisation_by_id(self) -> dict[int, OrganisationSnap]:
        return {o.id: o for o in self.organisations}

    @cached_property
    def location_by_id(self) -> dict[int, LocationSnap]:
        return {loc.id: loc for loc in self.locations}

    @cached_property
    def professional_by_id(self) -> dict[int, ProfessionalSnap]:
        return {p.id: p for p in self.professionals}

    @cached_property
    def patient_by_id(self) -> dict[int, PatientSnap]:
        return {p.id: p for p in self.patients}

    @cached_property
    def care_team_by_patient(self) -> dict[int, list[CareTeamSnap]]:
        grouped: dict[int, list[CareTeamSnap]] = defaultdict(list)
        for member in self.care_team:
            grouped[member.patient_id].append(member)
        return dict(grouped)

    @cached_property
    def patients_by_location(self) -> dict[int, list[PatientSnap]]:
        grouped: dict[int, list[PatientSnap]] = defaultdict(list)
        for patient in self.patients:
            if patient.location_id is not None:
                grouped[patient.location_id].append(patient)
        return dict(grouped)

    @cached_property
    def absences_by_professional(self) -> dict[int, list[AbsenceSnap]]:
        grouped: dict[int, list[AbsenceSnap]] = defaultdict(list)
        for absence in self.absences:
            grouped[absence.professional_id].append(absence)
        return dict(grouped)

    def calendar_for(self, region_id: int | None) -> AnwCalendar:
        region = self.region_by_id.get(region_id) if region_id is not None else None
        if region is None:
            return calendar_with(extra_holidays=self.extra_holidays)
        return calendar_with(region.anw_weekday_start, region.anw_weekday_end, self.extra_holidays)
