"""What every rule shares: the selection of subjects, readings of the covenant, finding helpers.

A rule module has a docstring (Wat het controleert / Waarom / Voorbeeld), `ID` (the clause id),
`TITLE`, `SUBJECT`, `SEVERITY` and `check(snapshot, selection) -> Iterable[Finding]`.
`check` receives a `Selection` besides the snapshot: which subjects to evaluate, over which
grid, and a tally of how many subjects each rule looked at.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable, Iterator
from dataclasses import dataclass, field
from functools import cached_property

import numpy as np

from mgz.core.coverage import Coverage, coverage_for
from mgz.core.findings import (
    FAIL,
    NOT_ASSESSABLE,
    WARNING,
    Finding,
    format_duration,
    format_intervals,
)
from mgz.core.grid import Grid, Interval, intervals
from mgz.core.snapshot import (
    LocationSnap,
    OrganisationSnap,
    PatientSnap,
    RegionSnap,
    Snapshot,
)

# Functions (availability.constants.Function) grouped as the rules use them.
HA = ("ha_zorg",)
SO = ("so_zorg",)
AVG = ("avg_zorg",)
TRIAGE = ("triage",)
VOORWACHT = ("verpleegkundige_voorwacht", "gedragskundige_voorwacht")
GEDRAGSKUNDIGE = ("gedragskundige", "gedragskundige_voorwacht")
HAP_SERVICE = ("ha_zorg", "triage")

PHYSICIANS = ("huisarts", "so", "avg")
COORDINATORS = (
    "verpleegkundige",
    "verzorgende",
    "casemanager",
    "persoonlijk_begeleider",
    "verpleegkundig_specialist",
)
PROVIDER_KINDS = ("zorgaanbieder_vv", "zorgaanbieder_ghz", "zorgaanbieder_ggz")

# The same reading as registry.constants.needs_avg (a test keeps the two equal; the core
# cannot import Django).
ID_PROFILE_PREFIXES = ("VG", "LVG", "SGLVG")
# VV profiles where behaviour is part of the indication, so a gedragskundige is needed
# (2.3.2.2): VV05 beschermd wonen met intensieve dementiezorg, VV07 with intensive
# verzorging/verpleging and behavioural problems.
VV_BEHAVIOURAL_PROFILES = ("VV05", "VV07")

SECTOR_SHORT = {"vv": "VV", "ghz": "GHZ", "ggz": "GGZ-W"}


@dataclass
class Selection:
    """Which subjects to evaluate over which grid; None means every subject of that kind."""

    grid: Grid
    patient_ids: frozenset[int] | None = None
    location_ids: frozenset[int] | None = None
    organisation_ids: frozenset[int] | None = None
    region_ids: frozenset[int] | None = None
    tally: dict[str, int] = field(default_factory=dict)
    cache: dict = field(default_factory=dict, repr=False, compare=False)

    def count(self, rule_id: str, subjects: int) -> None:
        self.tally[rule_id] = self.tally.get(rule_id, 0) + subjects

    def patients(self, snapshot: Snapshot) -> list[PatientSnap]:
        return _pick(snapshot.patients, snapshot.patient_by_id, self.patient_ids)

    def locations(self, snapshot: Snapshot) -> list[LocationSnap]:
        return _pick(snapshot.locations, snapshot.location_by_id, self.location_ids)

    def organisations(self, snapshot: Snapshot) -> list[OrganisationSnap]:
        return _pick(snapshot.organisations, snapshot.organisation_by_id, self.organisation_ids)

    def regions(self, snapshot: Snapshot) -> list[RegionSnap]:
        return _pick(snapshot.regions, snapshot.region_by_id, self.region_ids)

    @classmethod
    def everything(cls, grid: Grid) -> Selection:
        return cls(grid)

    @classmethod
    def for_region(cls, snapshot: Snapshot, grid: Grid, region_id: int) -> Selection:
        locations = [loc for loc in snapshot.locations if loc.region_id == region_id]
        organisations = {o.id for o in snapshot.organisations if o.region_id == region_id}
        organisations |= {loc.organisation_id for loc in locations}
        return cls(
            grid,
            patient_ids=frozenset(p.id for p in snapshot.patients if p.region_id == region_id),
            location_ids=frozenset(loc.id for loc in locations),
            organisation_ids=frozenset(organisations),
            region_ids=frozenset({region_id}),
        )

    @classmethod
    def for_location(cls, snapshot: Snapshot, grid: Grid, location_id: int) -> Selection:
        location = snapshot.location_by_id[location_id]
        return cls(
            grid,
            patient_ids=frozenset(p.id for p in snapshot.patients_by_location.get(location_id, ())),
            location_ids=frozenset({location_id}),
            organisation_ids=frozenset({location.organisation_id}),
            region_ids=frozenset(),
        )

    @classmethod
    def for_patient(cls, snapshot: Snapshot, grid: Grid, patient_id: int) -> Selection:
        return cls(
            grid,
            patient_ids=frozenset({patient_id}),
            location_ids=frozenset(),
            organisation_ids=frozenset(),
            region_ids=frozenset(),
        )


def _pick(items: tuple, by_id: dict, ids: frozenset[int] | None) -> list:
    if ids is None:
        return list(items)
    return [by_id[i] for i in sorted(ids) if i in by_id]


# Readings of the covenant ---------------------------------------------------------------
def needs_so(patient: PatientSnap) -> bool:
    """2.1.3.a: a SO for every VV patient."""
    return patient.sector == "vv"


def needs_avg(patient: PatientSnap) -> bool:
    """2.1.3.a: an AVG for VG/LVG/SGLVG, and for LG/ZG when an intellectual disability is recorded."""
    if patient.zorgprofiel.startswith(ID_PROFILE_PREFIXES):
        return True
    return patient.sector == "ghz" and patient.verstandelijke_beperking


def needs_gedragskundige(patient: PatientSnap) -> bool:
    """2.3.2.2: residents of a location (their carers need the gedragskundige) who are GHZ
    patients, or VV patients whose profile names behavioural care."""
    if patient.location_id is None:
        return False
    return patient.sector == "ghz" or patient.zorgprofiel in VV_BEHAVIOURAL_PROFILES


def location_of(snapshot: Snapshot, patient: PatientSnap) -> LocationSnap | None:
    if patient.location_id is None:
        return None
    return snapshot.location_by_id.get(patient.location_id)


def with_treatment(patient: PatientSnap, location: LocationSnap | None) -> bool:
    """Verblijf met behandeling: treatment purchased, or verblijf at a location that treats."""
    if patient.behandeling_ingekocht:
        return True
    return (
        location is not None
        and patient.leveringsvorm == "verblijf"
        and location.treatment_model == "met_behandeling"
    )


def patient_label(snapshot: Snapshot, patient: PatientSnap) -> str:
    location = location_of(snapshot, patient)
    where = f"locatie {location.name}" if location else "thuis"
    return f"cliënt {patient.code} ({where}, {SECTOR_SHORT.get(patient.sector, patient.sector)})"


def location_label(location: LocationSnap) -> str:
    return f"locatie {location.name}"


# Findings --------------------------------------------------------------------------------
@dataclass(frozen=True)
class Gap:
    """A violation for a group of equal subjects, before it is attached to one subject."""

    aspect: str
    intervals: tuple[Interval, ...]
    what: str  # "Geen SO bereikbaar"
    suggestion: str

    @cached_property
    def minutes(self) -> int:
        return sum(interval.minutes for interval in self.intervals)

    @cached_property
    def when(self) -> str:
        return f"{format_intervals(self.intervals)} ({format_duration(self.minutes)} in totaal)"


def gap(
    grid: Grid,
    aspect: str,
    violated: int,
    anw: int | None,
    what: str,
    suggestion: str,
) -> Gap | None:
    """A Gap when any slot is violated; `anw` splits the intervals into day and ANW parts.

    Masks are bitsets (see coverage.Coverage); `violated` may carry bits beyond the grid
    (a NOT of a mask), they are cut off here.
    """
    violated &= (1 << grid.size) - 1
    if not violated:
        return None
    return Gap(aspect, cached_intervals(grid, violated, anw), what, suggestion)


def cached_intervals(grid: Grid, violated: int, anw: int | None) -> tuple[Interval, ...]:
    """`grid.intervals` of a bitset, remembered per (mask, ANW mask): rules repeat them."""
    key = ("iv", violated, anw)
    found = grid._masks.get(key)
    if found is None:
        found = grid._masks[key] = intervals(
            grid, _array(grid, violated), None if anw is None else _array(grid, anw)
        )
    return found


def _array(grid: Grid, bits: int) -> np.ndarray:
    raw = np.frombuffer(bits.to_bytes((grid.size + 7) // 8, "little"), np.uint8)
    return np.unpackbits(raw, bitorder="little")[: grid.size].astype(bool)


@dataclass
class PatientClass:
    """Patients for whom every time-based rule gives the same result (see patient_classes)."""

    members: list[PatientSnap]
    group: int
    avg: bool
    gedrag: bool
    treated: bool
    regie: tuple
    keys: dict = field(default_factory=dict)  # rule keys shared by several rules

    @property
    def first(self) -> PatientSnap:
        return self.members[0]


def patient_classes(cov: Coverage, selection: Selection, snapshot: Snapshot) -> list[PatientClass]:
    """The selected patients in classes whose time-based rules must give equal results.

    A class shares the applicable arrangements (location, region, sector, own arrangements),
    the readings that choose requirements (AVG needed, gedragskundige needed, treatment) and
    the regiebehandelaar per day. Rules evaluate a class once and copy the result to its
    members, so the cost follows the number of classes, not of patients.
    """
    cache_key = ("classes", id(cov))
    found = selection.cache.get(cache_key)
    if found is not None:
        return found
    classes: dict[tuple, PatientClass] = {}
    patients = selection.patients(snapshot)
    if len(patients) > 1000 and len(patients) * 4 > len(snapshot.patients):
        cov.regie_all()
    # Most patients differ from another only in their id: first key them by the attributes the
    # class depends on (cheap), and derive the class key once per distinct set of attributes.
    scope = cov._scope
    regie = cov.regie
    if cov._regie_complete:
        regie_of = cov._regie
        regie = lambda patient: regie_of.get(patient.id, ())  # noqa: E731 (as cov.regie)
    locations = snapshot.location_by_id
    own_signatures = cov.own_signatures
    by_attributes: dict[tuple, PatientClass] = {}
    for patient in patients:
        own = scope.get(("patient", patient.id))
        attributes = (
            patient.location_id,
            patient.region_id,
            patient.sector,
            patient.zorgprofiel,
            patient.verstandelijke_beperking,
            patient.behandeling_ingekocht,
            patient.leveringsvorm,
            # What the class depends on of the own arrangements (see Coverage.signature):
            # patients at home with different practices of equal hours share this key.
            own_signatures(own, patient.region_id) if own else (),
            regie(patient),
        )
        found_class = by_attributes.get(attributes)
        if found_class is None:
            location = (
                locations.get(patient.location_id) if patient.location_id is not None else None
            )
            key = (
                cov.signature_group(patient),
                needs_avg(patient),
                needs_gedragskundige(patient),
                with_treatment(patient, location),
                attributes[-1],
            )
            found_class = classes.get(key)
            if found_class is None:
                found_class = classes[key] = PatientClass([], *key)
            by_attributes[attributes] = found_class
        found_class.members.append(patient)
    found = selection.cache[cache_key] = list(classes.values())
    return found


def covers_key(cov: Coverage, patient: PatientSnap, combos: tuple) -> int:
    """A small number that is equal for patients whose coverage is equal in every
    (functions, mode, provider) of `combos`, and whose ANW calendar is equal.

    Rules key their results on it instead of on which arrangements give the coverage, so
    patients at home with different practices but the same hours share one evaluation.
    Computed once per function group.
    """
    memo = cov._memo
    spec = memo.get(("covers-spec", combos))
    if spec is None:
        functions = tuple(sorted({f for fs, _mode, _provider in combos for f in fs}))
        specs = memo.setdefault("covers-specs", {})
        spec = memo[("covers-spec", combos)] = (specs.setdefault(combos, len(specs)), functions)
    combo_id, functions = spec
    memo_key = ("covers", combo_id, cov.function_group(patient, functions))
    found = memo.get(memo_key)
    if found is None:
        values = (
            cov.anw(patient.region_id),
            *(cov.patient_cover(patient, fs, mode, provider) for fs, mode, provider in combos),
        )
        interned = memo.setdefault("covers-ids", {})
        found = memo[memo_key] = interned.setdefault(values, len(interned))
    return found


def label_of(snapshot: Snapshot, selection: Selection, patient: PatientSnap) -> str:
    """`patient_label`, made once per patient per evaluation."""
    labels = selection.cache.setdefault("labels", {})
    found = labels.get(patient.id)
    if found is None:
        found = labels[patient.id] = patient_label(snapshot, patient)
    return found


def patient_gaps(
    snapshot: Snapshot,
    selection: Selection,
    rule_id: str,
    severity: str,
    applies: Callable[[PatientSnap], bool],
    key: Callable[[Coverage, PatientClass], Hashable],
    gaps: Callable[[Coverage, PatientSnap], list[Gap | None]],
) -> Iterator[Finding]:
    """Evaluate a time-based patient rule once per class of equal patients.

    `applies` is asked of one member of each class; `key` (of a class) says what the rule's
    result depends on, and may be coarser than the class, so classes share results too.
    """
    cov = coverage_for(snapshot, selection.grid)
    checked = 0
    memo = cov._memo
    labels = selection.cache.setdefault("labels", {})
    new = object.__new__
    for cls in patient_classes(cov, selection, snapshot):
        first = cls.members[0]
        if not applies(first):
            continue
        checked += len(cls.members)
        memo_key = (rule_id, key(cov, cls))
        found = memo.get(memo_key)
        if found is None:
            found = memo[memo_key] = _templates(
                rule_id, severity, [g for g in gaps(cov, first) if g is not None]
            )
        if not found:
            continue
        # Every finding of a class differs from its template only in the patient: copy the
        # template's fields and fill in the id, the label and the message around the label
        # (several hundred thousand findings in a national run).
        for patient in cls.members:
            label = labels.get(patient.id)
            if label is None:
                label = labels[patient.id] = patient_label(snapshot, patient)
            for prefix, fields in found:
                item = new(Finding)
                values = item.__dict__
                values.update(fields)
                values["subject_id"] = patient.id
                values["subject_label"] = label
                values["message"] = prefix + label + "."
                yield item
    selection.count(rule_id, checked)


def _templates(rule_id: str, severity: str, found: list[Gap]) -> list[tuple[str, dict]]:
    """Per gap: the message up to the patient's label, and the fields every patient shares
    (in the order of Finding's fields, so the objects equal those `new_finding` makes)."""
    return [
        (
            f"{item.what} {item.when} voor ",
            {
                "rule_id": rule_id,
                "subject_kind": "patient",
                "subject_id": None,
                "subject_label": None,
                "severity": severity,
                "message": None,
                "suggestion": item.suggestion,
                "intervals": item.intervals,
                "aspect": item.aspect,
                "status": FAIL,
            },
        )
        for item in found
    ]


def new_finding(
    rule_id: str,
    kind: str,
    subject_id: int,
    label: str,
    severity: str,
    message: str,
    suggestion: str,
    found: tuple[Interval, ...],
    aspect: str,
) -> Finding:
    """A Finding without the frozen dataclass's per-field __setattr__ (4x faster; same object:
    a national run makes several hundred thousand)."""
    item = object.__new__(Finding)
    item.__dict__.update(
        rule_id=rule_id,
        subject_kind=kind,
        subject_id=subject_id,
        subject_label=label,
        severity=severity,
        message=message,
        suggestion=suggestion,
        intervals=found,
        aspect=aspect,
        status=FAIL,
    )
    return item


def finding(
    rule_id: str,
    severity: str,
    kind: str,
    subject_id: int,
    label: str,
    message: str,
    suggestion: str,
    *,
    aspect: str = "",
    found: tuple[Interval, ...] = (),
    status: str | None = None,
) -> Finding:
    return Finding(
        rule_id=rule_id,
        subject_kind=kind,
        subject_id=subject_id,
        subject_label=label,
        severity=severity,
        message=message,
        suggestion=suggestion,
        intervals=found,
        aspect=aspect,
        **({"status": status} if status else {}),
    )


def not_assessable_per_region(
    snapshot: Snapshot,
    selection: Selection,
    rule_id: str,
    severity: str,
    what: str,
    missing: str,
) -> Iterable[Finding]:
    """One 'niet te beoordelen' finding per region: the data the clause needs is not kept yet."""
    regions = selection.regions(snapshot)
    selection.count(rule_id, len(regions))
    for region in regions:
        yield finding(
            rule_id,
            severity,
            "region",
            region.id,
            f"regio {region.name}",
            f"Niet te beoordelen voor regio {region.name}: {what}",
            f"Leg {missing} vast; tot dan kan de toets niet slagen.",
            status=NOT_ASSESSABLE,
        )


def day_flags_mask(cov: Coverage, flags: Iterable[bool]) -> int:
    return cov.days_mask(tuple(bool(f) for f in flags))


__all__ = [
    "AVG",
    "COORDINATORS",
    "GEDRAGSKUNDIGE",
    "HA",
    "HAP_SERVICE",
    "PHYSICIANS",
    "PROVIDER_KINDS",
    "SO",
    "TRIAGE",
    "VOORWACHT",
    "WARNING",
    "Gap",
    "PatientClass",
    "Selection",
    "finding",
    "gap",
    "label_of",
    "location_label",
    "location_of",
    "needs_avg",
    "needs_gedragskundige",
    "needs_so",
    "new_finding",
    "not_assessable_per_region",
    "patient_gaps",
    "patient_label",
    "with_treatment",
]
