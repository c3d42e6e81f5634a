"""Running the rules: a full evaluation, and an incremental re-check after one change.

Incremental: a change to one arrangement, absence, care-team member or patient is mapped to
the subjects it can affect; only those are evaluated again (on the old and the new snapshot,
so the per-rule counts stay exact), and their findings replace the old ones. The result is
the same as a full run; a test checks that after random single changes.
"""

from __future__ import annotations

import dataclasses
import gc
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from types import ModuleType

from mgz.core.findings import Finding, RunResult
from mgz.core.grid import Grid
from mgz.core.rules.base import Selection
from mgz.core.rules.registry import all_rules
from mgz.core.scope import _scope_index
from mgz.core.snapshot import (
    AbsenceSnap,
    ArrangementSnap,
    CareTeamSnap,
    PatientSnap,
    Snapshot,
)


def evaluate(
    snapshot: Snapshot, selection: Selection, rules: Sequence[ModuleType] | None = None
) -> RunResult:
    """Run the rules over the selected subjects.

    The cyclic garbage collector is paused meanwhile: a national run allocates several
    hundred thousand findings next to a snapshot of millions of objects, and the collector
    would scan them all again and again (a fifth of the time) for cycles that are not there.
    """
    rules = all_rules() if rules is None else rules
    findings: list[Finding] = []
    collecting = gc.isenabled()
    gc.disable()
    try:
        for rule in rules:
            findings.extend(rule.check(snapshot, selection))
            selection.tally.setdefault(rule.ID, 0)
    finally:
        if collecting:
            gc.enable()
    return RunResult(
        start=selection.grid.start_utc,
        days=selection.grid.days,
        findings=findings,
        checked=dict(selection.tally),
    )


def run_all(snapshot: Snapshot, grid: Grid, rules: Sequence[ModuleType] | None = None) -> RunResult:
    return evaluate(snapshot, Selection.everything(grid), rules)


# Changes ---------------------------------------------------------------------------------
@dataclass(frozen=True)
class Change:
    """One changed object: `before` None is a creation, `after` None a deletion.

    Kinds: "arrangement", "absence", "care_team" (one member), "patient", and "team": the
    whole care team of `patient_id`, with `before`/`after` tuples of members (members have
    no id of their own in the snapshot, so the database side replaces a patient's team).
    """

    kind: str
    before: object | None = None
    after: object | None = None
    patient_id: int | None = None


@dataclass
class Affected:
    patient_ids: set[int] = field(default_factory=set)
    location_ids: set[int] = field(default_factory=set)
    organisation_ids: set[int] = field(default_factory=set)
    region_ids: set[int] = field(default_factory=set)

    def subjects(self) -> set[tuple[str, int]]:
        return (
            {("patient", i) for i in self.patient_ids}
            | {("location", i) for i in self.location_ids}
            | {("organisation", i) for i in self.organisation_ids}
            | {("region", i) for i in self.region_ids}
        )

    def limited_to(self, selection: Selection) -> Affected:
        def keep(ids: set[int], allowed: frozenset[int] | None) -> set[int]:
            return set(ids) if allowed is None else ids & allowed

        return Affected(
            keep(self.patient_ids, selection.patient_ids),
            keep(self.location_ids, selection.location_ids),
            keep(self.organisation_ids, selection.organisation_ids),
            keep(self.region_ids, selection.region_ids),
        )

    def selection(self, grid: Grid) -> Selection:
        return Selection(
            grid,
            patient_ids=frozenset(self.patient_ids),
            location_ids=frozenset(self.location_ids),
            organisation_ids=frozenset(self.organisation_ids),
            region_ids=frozenset(self.region_ids),
        )


def _indexes(snapshot: Snapshot) -> dict:
    """Reverse look-ups for mapping a change to subjects; built once per snapshot."""
    found = snapshot.extra.get("change_index")
    if found is not None:
        return found
    by_org, by_subregion, by_region = defaultdict(list), defaultdict(list), defaultdict(list)
    for location in snapshot.locations:
        by_org[location.organisation_id].append(location.id)
        by_subregion[location.subregion_id].append(location.id)
        by_region[location.region_id].append(location.id)
    patients_by_region = defaultdict(list)
    for patient in snapshot.patients:
        patients_by_region[patient.region_id].append(patient.id)
    arrangements_by_professional = defaultdict(list)
    for arrangement in snapshot.arrangements:
        if arrangement.professional_id is not None:
            arrangements_by_professional[arrangement.professional_id].append(arrangement)
    found = snapshot.extra["change_index"] = {
        "locations_by_organisation": dict(by_org),
        "locations_by_subregion": dict(by_subregion),
        "locations_by_region": dict(by_region),
        "patients_by_region": dict(patients_by_region),
        "arrangements_by_professional": dict(arrangements_by_professional),
    }
    return found


def _add_arrangement(snapshot: Snapshot, arrangement: ArrangementSnap, into: Affected) -> None:
    index = _indexes(snapshot)
    kind = arrangement.scope_kind
    locations: list[int] = []
    if kind == "locaties":
        locations = list(arrangement.location_ids)
    elif kind == "organisatie":
        locations = index["locations_by_organisation"].get(arrangement.scope_organisation_id, [])
    elif kind == "subregio":
        locations = index["locations_by_subregion"].get(arrangement.scope_subregion_id, [])
    elif kind in ("regio", "patientgroep"):
        locations = index["locations_by_region"].get(arrangement.scope_region_id, [])
        into.patient_ids.update(index["patients_by_region"].get(arrangement.scope_region_id, []))
    into.patient_ids.update(arrangement.patient_ids)
    for location_id in locations:
        location = snapshot.location_by_id.get(location_id)
        if location is None:
            continue
        into.location_ids.add(location_id)
        into.organisation_ids.add(location.organisation_id)
        into.patient_ids.update(p.id for p in snapshot.patients_by_location.get(location_id, ()))


def _add_professional(snapshot: Snapshot, professional_id: int | None, into: Affected) -> None:
    """Everything carried by the professional, and by those they replace."""
    if professional_id is None:
        return
    index = _indexes(snapshot)
    people = {professional_id}
    for absence in snapshot.absences:
        if absence.replacement_id == professional_id:
            people.add(absence.professional_id)
    for person in people:
        for arrangement in index["arrangements_by_professional"].get(person, ()):
            _add_arrangement(snapshot, arrangement, into)


def affected(old: Snapshot, new: Snapshot, change: Change) -> Affected:
    """The subjects whose findings a change can alter (a superset is safe, never a subset)."""
    into = Affected()
    # Arrangements, absences and care teams do not move patients or locations, so the old
    # snapshot's reverse look-ups answer for the new objects too (and are built only once).
    after_side = old if change.kind in ("arrangement", "absence") else new
    for snapshot, item in ((old, change.before), (after_side, change.after)):
        if item is None:
            continue
        if change.kind == "arrangement":
            _add_arrangement(snapshot, item, into)
        elif change.kind == "absence":
            _add_professional(snapshot, item.professional_id, into)
            _add_professional(snapshot, item.replacement_id, into)
        elif change.kind == "care_team":
            into.patient_ids.add(item.patient_id)
        elif change.kind == "team":
            into.patient_ids.add(change.patient_id)
        elif change.kind == "patient":
            into.patient_ids.add(item.id)
            into.region_ids.add(item.region_id)
            if item.location_id is not None:
                into.location_ids.add(item.location_id)
        else:
            raise ValueError(f"onbekende wijziging {change.kind!r}")
    return into


def recheck(
    previous: RunResult,
    old: Snapshot,
    new: Snapshot,
    grid: Grid,
    change: Change,
    rules: Sequence[ModuleType] | None = None,
    *,
    within: Selection | None = None,
) -> tuple[RunResult, Affected]:
    """Re-evaluate only what the change affects; equal to a full run on `new`.

    `within` keeps the re-check inside the scope of the previous run (a region, a location).
    """
    scope = affected(old, new, change)
    if within is not None:
        scope = scope.limited_to(within)
    before = evaluate(old, scope.selection(grid), rules)
    after = evaluate(new, scope.selection(grid), rules)
    index = previous.take_index()
    for subject in scope.subjects():
        index.pop(subject, None)
    for finding in after.findings:
        index.setdefault((finding.subject_kind, finding.subject_id), []).append(finding)
    checked = dict(previous.checked)
    for rule_id in set(before.checked) | set(after.checked):
        checked[rule_id] = (
            checked.get(rule_id, 0) - before.checked.get(rule_id, 0) + after.checked.get(rule_id, 0)
        )
    return (
        RunResult(previous.start, previous.days, checked=checked, index=index),
        scope,
    )


# Deriving the next snapshot cheaply --------------------------------------------------------
_KEEP = ("region_by_id", "organisation_by_id", "location_by_id", "professional_by_id")


def apply_change(snapshot: Snapshot, change: Change) -> Snapshot:
    """The snapshot after one change, reusing every index the change leaves intact."""
    before, after = change.before, change.after
    old_cache = snapshot.__dict__
    extra: dict = {}
    _indexes(snapshot)  # made once, then carried from snapshot to snapshot
    if "patients_per_region" not in snapshot.extra:
        snapshot.extra["patients_per_region"] = Counter(p.region_id for p in snapshot.patients)
    if change.kind == "arrangement":
        items = _replace(snapshot.arrangements, before, after)
        new = dataclasses.replace(snapshot, arrangements=items, extra=extra)
        _copy(old_cache, new, _KEEP + _PATIENT_INDEXES + _CARE + _ABSENCE)
        for key in (
            "patients_per_region",
            "patient_positions",
            "regiotafel",
            "handover_patients",
            "handover_missing",
        ):
            if key in snapshot.extra:
                extra[key] = snapshot.extra[key]
        if "scope_index" in snapshot.extra:
            index = dict(snapshot.extra["scope_index"])
            for item, add in ((before, False), (after, True)):
                if item is not None:
                    for key in _scope_keys(item):
                        rows = [a for a in index.get(key, ()) if a.id != item.id]
                        if add:
                            rows.append(item)
                        index[key] = rows
            extra["scope_index"] = index
        if "change_index" in snapshot.extra:
            change_index = dict(snapshot.extra["change_index"])
            by_prof = dict(change_index["arrangements_by_professional"])
            for item, add in ((before, False), (after, True)):
                if item is not None and item.professional_id is not None:
                    rows = [a for a in by_prof.get(item.professional_id, ()) if a.id != item.id]
                    if add:
                        rows.append(item)
                    by_prof[item.professional_id] = rows
            change_index["arrangements_by_professional"] = by_prof
            extra["change_index"] = change_index
        return new
    if change.kind == "absence":
        items = _replace(snapshot.absences, before, after)
        new = dataclasses.replace(snapshot, absences=items, extra=extra)
        _copy(old_cache, new, _KEEP + _PATIENT_INDEXES + _CARE)
        _carry(snapshot, extra)
        if "absences_by_professional" in old_cache:
            grouped = dict(old_cache["absences_by_professional"])
            for item in (before, after):
                if item is not None:
                    grouped[item.professional_id] = [
                        a for a in items if a.professional_id == item.professional_id
                    ]
            new.__dict__["absences_by_professional"] = grouped
        return new
    if change.kind == "care_team":
        items = _replace_member(snapshot.care_team, before, after)
        new = dataclasses.replace(snapshot, care_team=items, extra=extra)
        _copy(old_cache, new, _KEEP + _PATIENT_INDEXES + _ABSENCE)
        _carry(snapshot, extra)
        if "care_team_by_patient" in old_cache:
            grouped = dict(old_cache["care_team_by_patient"])
            for item in (before, after):
                if item is not None:
                    rows = [m for m in grouped.get(item.patient_id, ()) if m != before]
                    if after is not None and after.patient_id == item.patient_id:
                        rows = [m for m in rows if m != after] + [after]
                    grouped[item.patient_id] = rows
            new.__dict__["care_team_by_patient"] = grouped
        return new
    if change.kind == "team":
        old_team = set(before or ())
        patient_id = change.patient_id
        items = tuple(
            m for m in snapshot.care_team if m.patient_id != patient_id or m not in old_team
        ) + tuple(after or ())
        new = dataclasses.replace(snapshot, care_team=items, extra=extra)
        _copy(old_cache, new, _KEEP + _PATIENT_INDEXES + _ABSENCE)
        _carry(snapshot, extra)
        if "care_team_by_patient" in old_cache:
            grouped = dict(old_cache["care_team_by_patient"])
            grouped[change.patient_id] = [
                m for m in grouped.get(change.patient_id, ()) if m not in old_team
            ] + list(after or ())
            new.__dict__["care_team_by_patient"] = grouped
        return new
    if change.kind == "patient":
        positions = snapshot.extra.get("patient_positions")
        if before is not None and after is not None and before.id == after.id:
            if positions is None:
                positions = {p.id: i for i, p in enumerate(snapshot.patients)}
            position = positions[before.id]
            items = (*snapshot.patients[:position], after, *snapshot.patients[position + 1 :])
            extra["patient_positions"] = positions
        else:
            items = _replace(snapshot.patients, before, after)
        new = dataclasses.replace(snapshot, patients=items, extra=extra)
        _copy(old_cache, new, _KEEP + _CARE + _ABSENCE)
        for key in ("scope_index", "regiotafel", "handover_patients"):
            if key in snapshot.extra:
                extra[key] = snapshot.extra[key]
        if "handover_missing" in snapshot.extra:
            written = snapshot.extra.get("handover_patients", frozenset())
            missing = snapshot.extra["handover_missing"].copy()
            for item, step in ((before, -1), (after, 1)):
                if item is not None and item.id not in written:
                    missing[item.region_id] += step
            extra["handover_missing"] = missing
        if "change_index" in snapshot.extra:
            change_index = dict(snapshot.extra["change_index"])
            by_region = dict(change_index["patients_by_region"])
            for item in (before, after):
                if item is not None:
                    by_region[item.region_id] = [
                        i for i in by_region.get(item.region_id, ()) if i != item.id
                    ]
            if after is not None:
                by_region[after.region_id].append(after.id)
            change_index["patients_by_region"] = by_region
            extra["change_index"] = change_index
        if "patients_per_region" in snapshot.extra:
            counts = snapshot.extra["patients_per_region"].copy()
            if before is not None:
                counts[before.region_id] -= 1
            if after is not None:
                counts[after.region_id] += 1
            extra["patients_per_region"] = counts
        if "patient_by_id" in old_cache:
            by_id = dict(old_cache["patient_by_id"])
            if before is not None:
                by_id.pop(before.id, None)
            if after is not None:
                by_id[after.id] = after
            new.__dict__["patient_by_id"] = by_id
        if "patients_by_location" in old_cache:
            grouped = dict(old_cache["patients_by_location"])
            for item in (before, after):
                if item is not None and item.location_id is not None:
                    grouped[item.location_id] = [
                        p
                        for p in grouped.get(item.location_id, ())
                        if p.id not in {x.id for x in (before, after) if x is not None}
                    ]
            if after is not None and after.location_id is not None:
                grouped[after.location_id].append(after)
            new.__dict__["patients_by_location"] = grouped
        return new
    raise ValueError(f"onbekende wijziging {change.kind!r}")


_PATIENT_INDEXES = ("patient_by_id", "patients_by_location")
_CARE = ("care_team_by_patient",)
_ABSENCE = ("absences_by_professional",)


def _copy(cache: dict, new: Snapshot, names: Iterable[str]) -> None:
    for name in names:
        if name in cache:
            new.__dict__[name] = cache[name]


def _carry(snapshot: Snapshot, extra: dict) -> None:
    """Indexes a change of an absence or a care team leaves valid."""
    for key in (
        "scope_index",
        "change_index",
        "patients_per_region",
        "patient_positions",
        "regiotafel",
        "handover_patients",
        "handover_missing",
    ):
        if key in snapshot.extra:
            extra[key] = snapshot.extra[key]


def _replace(items: tuple, before, after) -> tuple:
    if before is None:
        return (*items, after)
    out = [x for x in items if x.id != before.id]
    if after is not None:
        # Keep the position, so "first matching absence" keeps its meaning.
        position = next(i for i, x in enumerate(items) if x.id == before.id)
        out.insert(position, after)
    return tuple(out)


def _replace_member(items: tuple[CareTeamSnap, ...], before, after) -> tuple:
    out = [m for m in items if m != before] if before is not None else list(items)
    if after is not None:
        out.append(after)
    return tuple(out)


def _scope_keys(arrangement: ArrangementSnap) -> list[tuple[str, int | None]]:
    kind = arrangement.scope_kind
    if kind == "locaties":
        return [("location", i) for i in arrangement.location_ids]
    if kind == "patienten":
        return [("patient", i) for i in arrangement.patient_ids]
    if kind == "organisatie":
        return [("organisation", arrangement.scope_organisation_id)]
    if kind == "subregio":
        return [("subregion", arrangement.scope_subregion_id)]
    if kind in ("regio", "patientgroep"):
        return [("region", arrangement.scope_region_id)]
    return []


__all__ = [
    "AbsenceSnap",
    "Affected",
    "Change",
    "PatientSnap",
    "affected",
    "apply_change",
    "evaluate",
    "recheck",
    "run_all",
]

_ = _scope_index  # the index apply_change keeps in step
