"""Conformance services: run the engine over (part of) the database, store runs, re-check.

The engine (mgz.core.rules) works on a snapshot; this module owns the bridge: which subjects
a command-line scope means, storing a run and its findings, and mapping a changed database
object to the subjects an incremental re-check must evaluate again.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from datetime import date
from types import ModuleType

from django.db import transaction
from django.utils import timezone

from mgz.availability.models import Absence, Arrangement
from mgz.conformance import loader
from mgz.conformance.models import Finding, Run
from mgz.core.findings import ERROR, FAIL, NOT_ASSESSABLE, WARNING, RunResult
from mgz.core.grid import DEFAULT_DAYS, Grid
from mgz.core.rules.base import Selection
from mgz.core.rules.engine import Change, apply_change, evaluate
from mgz.core.rules.engine import recheck as engine_recheck
from mgz.core.rules.registry import all_rules
from mgz.core.snapshot import Snapshot
from mgz.registry.models import CareTeamMember, Location, Patient, Region


class ScopeError(ValueError):
    """A region, location or patient that does not exist; the message is Dutch."""


@dataclass
class CheckOutcome:
    result: RunResult
    snapshot: Snapshot
    grid: Grid
    selection: Selection
    rules: tuple[ModuleType, ...]
    scope: str
    region_id: int | None = None
    load_seconds: float = 0.0
    evaluation_seconds: float = 0.0
    run: Run | None = None
    affected: set = field(default_factory=set)

    @property
    def exit_code(self) -> int:
        return 1 if self.result.has_errors else 0


def _region(code: str) -> Region:
    found = Region.objects.filter(code=code).first()
    if found is None and code.isdigit():
        found = Region.objects.filter(id=int(code)).first()
    if found is None:
        raise ScopeError(f"regio '{code}' bestaat niet")
    return found


def run_check(
    *,
    region: str | None = None,
    location: str | None = None,
    patient: str | None = None,
    start: date | None = None,
    days: int = DEFAULT_DAYS,
    store: bool = True,
    rules: tuple[ModuleType, ...] | None = None,
    snapshot: Snapshot | None = None,
) -> CheckOutcome:
    """Evaluate the rules over everything, a region, a location or one patient."""
    rules = all_rules() if rules is None else rules
    grid = Grid(start or timezone.localdate(), days)
    region_obj = location_obj = patient_obj = None
    if location:
        location_obj = Location.objects.filter(code=location).first()
        if location_obj is None:
            raise ScopeError(f"locatie '{location}' bestaat niet")
    if patient:
        patient_obj = Patient.objects.filter(code=patient).first()
        if patient_obj is None:
            raise ScopeError(f"cliënt '{patient}' bestaat niet")
    if region:
        region_obj = _region(region)
    region_id = (
        region_obj.id
        if region_obj
        else (
            location_obj.region_id
            if location_obj
            else (patient_obj.region_id if patient_obj else None)
        )
    )
    began = time.perf_counter()
    if snapshot is None:
        snapshot = loader.load_snapshot(region_ids=[region_id] if region_id else None)
    loaded = time.perf_counter()
    if patient_obj is not None:
        selection = Selection.for_patient(snapshot, grid, patient_obj.id)
        scope = f"cliënt {patient_obj.code}"
    elif location_obj is not None:
        selection = Selection.for_location(snapshot, grid, location_obj.id)
        scope = f"locatie {location_obj.name}"
    elif region_obj is not None:
        selection = Selection.for_region(snapshot, grid, region_obj.id)
        scope = f"regio {region_obj.name}"
    else:
        selection = Selection.everything(grid)
        scope = "alles"
    result = evaluate(snapshot, selection, rules)
    evaluated = time.perf_counter()
    outcome = CheckOutcome(
        result=result,
        snapshot=snapshot,
        grid=grid,
        selection=selection,
        rules=tuple(rules),
        scope=scope,
        region_id=region_obj.id if region_obj else None,
        load_seconds=loaded - began,
        evaluation_seconds=evaluated - loaded,
    )
    if store:
        outcome.run = store_run(outcome)
    return outcome


@transaction.atomic
def store_run(outcome: CheckOutcome, *, trigger: str = Run.Trigger.FULL) -> Run:
    """Persist a run and its findings (bulk insert)."""
    result = outcome.result
    findings = result.findings
    run = Run.objects.create(
        horizon_start=outcome.grid.start,
        horizon_days=outcome.grid.days,
        scope=outcome.scope,
        region_id=outcome.region_id,
        trigger=trigger,
        findings_count=len(findings),
        errors_count=sum(1 for f in findings if f.status == FAIL and f.severity == ERROR),
        warnings_count=sum(1 for f in findings if f.status == FAIL and f.severity == WARNING),
        not_assessable_count=sum(1 for f in findings if f.status == NOT_ASSESSABLE),
        summary=[s.as_dict() for s in result.summaries(outcome.rules)],
        load_seconds=round(outcome.load_seconds, 3),
        evaluation_seconds=round(outcome.evaluation_seconds, 3),
    )
    Finding.objects.bulk_create(
        (
            Finding(
                run=run,
                rule_id=f.rule_id,
                subject_kind=f.subject_kind,
                subject_id=f.subject_id,
                subject_label=f.subject_label[:300],
                aspect=f.aspect,
                severity=f.severity,
                status=f.status,
                intervals=[i.as_dict() for i in f.intervals],
                uncovered_minutes=f.uncovered_minutes,
                message=f.message,
                suggestion=f.suggestion,
            )
            for f in findings
        ),
        batch_size=2000,
    )
    return run


def change_for(snapshot: Snapshot, instance, *, deleted: bool = False) -> Change:
    """The engine's description of one saved (or deleted) database object."""
    if isinstance(instance, Arrangement):
        before = next((a for a in snapshot.arrangements if a.id == instance.id), None)
        after = None if deleted else loader.arrangement_snap(instance)
        return Change("arrangement", before, after)
    if isinstance(instance, Absence):
        before = next((a for a in snapshot.absences if a.id == instance.id), None)
        after = None if deleted else loader.absence_snap(instance)
        return Change("absence", before, after)
    if isinstance(instance, CareTeamMember):
        patient_id = instance.patient_id
        before = tuple(snapshot.care_team_by_patient.get(patient_id, ()))
        return Change("team", before, loader.care_team_of(patient_id), patient_id=patient_id)
    if isinstance(instance, Patient):
        before = snapshot.patient_by_id.get(instance.id)
        after = None if deleted else loader.patient_snap(instance)
        return Change("patient", before, after)
    raise TypeError(f"geen hertoets voor {type(instance).__name__}")


def recheck(outcome: CheckOutcome, instance, *, deleted: bool = False) -> CheckOutcome:
    """Re-evaluate only the subjects one changed object affects; same result as a full run.

    Subjects outside the original run's scope stay outside it. For a deletion pass the
    instance with its primary key set again (Django clears it on delete).
    """
    began = time.perf_counter()
    change = change_for(outcome.snapshot, instance, deleted=deleted)
    new_snapshot = apply_change(outcome.snapshot, change)
    result, affected = engine_recheck(
        outcome.result,
        outcome.snapshot,
        new_snapshot,
        outcome.grid,
        change,
        outcome.rules,
        within=outcome.selection,
    )
    return CheckOutcome(
        result=result,
        snapshot=new_snapshot,
        grid=outcome.grid,
        selection=outcome.selection,
        rules=outcome.rules,
        scope=outcome.scope,
        region_id=outcome.region_id,
        evaluation_seconds=time.perf_counter() - began,
        affected=affected.subjects(),
    )


def trend(*, region: Region | None = None, rule_id: str | None = None, limit: int = 30) -> list:
    """[(started, subjects failing)] of the stored full runs, oldest first.

    With a region: the runs of that region and the national runs; with a rule: that rule's
    failing subjects, otherwise all failing findings.
    """
    runs = Run.objects.filter(trigger=Run.Trigger.FULL)
    if region is not None:
        runs = runs.filter(region__isnull=True) | runs.filter(region=region)
    points = []
    for run in runs.order_by("-started")[:limit]:
        if rule_id is None:
            value = run.errors_count + run.warnings_count
        else:
            value = next((s["subjects_failing"] for s in run.summary if s["rule_id"] == rule_id), 0)
        points.append((run.started, value))
    return list(reversed(points))


def latest_findings_for(subject_kind: str, subject_id: int) -> list[Finding] | None:
    """The findings of the latest stored full run that covered the subject; None if none did.

    Used by the opening gate (mgz.regiotafel.gate) for a planned location.
    """
    region_id = None
    if subject_kind == "location":
        region_id = (
            Location.objects.filter(id=subject_id).values_list("region_id", flat=True).first()
        )
    elif subject_kind == "patient":
        region_id = (
            Patient.objects.filter(id=subject_id).values_list("region_id", flat=True).first()
        )
    runs = Run.objects.filter(trigger=Run.Trigger.FULL, scope="alles")
    if region_id is not None:
        runs = runs | Run.objects.filter(trigger=Run.Trigger.FULL, region_id=region_id)
    run = runs.order_by("-started", "-id").first()
    if run is None:
        return None
    return list(run.findings.filter(subject_kind=subject_kind, subject_id=subject_id))
