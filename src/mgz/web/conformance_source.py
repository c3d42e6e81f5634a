"""The bridge from the conformance engine (mgz.conformance) to the page rows in mgz.web.reports.

Which results a page shows, in this order:
1. the latest stored run (mgz.conformance.models.Run) that covers the region: a full run of the
   region or of the whole country, or a re-check stored after a change made on the pages;
2. otherwise a live evaluation of the region (conformance.services.run_check without storing),
   kept per process for a few minutes.
After a change on the availability page, `recheck_after_change` re-evaluates only what the
change affects (conformance.services.recheck) and, when the region has stored runs, stores
the new state as an incremental run so that every web process shows it at once.
The engine's model and service names appear in this file only.
"""

from __future__ import annotations

import threading
import time
from datetime import datetime

from mgz.web.reports import ClauseRow, FindingRow, IntervalRow, RegionReport

LIVE_SECONDS = 300
_lock = threading.Lock()
_outcomes: dict[int, tuple[float, object]] = {}  # region id -> (monotonic, CheckOutcome)
_reports: dict[tuple, RegionReport] = {}  # (run id or live stamp, region id) -> report


def available() -> bool:
    try:
        import mgz.conformance.services  # noqa: F401
    except ImportError:  # pragma: no cover
        return False
    return True


def forget() -> None:
    """Drop what this process keeps (tests, and after imports)."""
    with _lock:
        _outcomes.clear()
        _reports.clear()


def _latest_run(region):
    from mgz.conformance.models import Run

    runs = Run.objects.filter(region=region) | Run.objects.filter(
        region__isnull=True, scope="alles"
    )
    return runs.order_by("-started", "-id").first()


def region_report(region) -> RegionReport | None:
    run = _latest_run(region)
    if run is not None:
        key = (f"run-{run.id}", region.id)
        with _lock:
            if key in _reports:
                return _reports[key]
        report = _from_run(run, region)
        with _lock:
            if len(_reports) > 64:
                _reports.clear()
            _reports[key] = report
        return report
    stamp, outcome = _live_outcome(region)
    key = (f"live-{stamp}", region.id)
    with _lock:
        if key in _reports:
            return _reports[key]
    report = _from_outcome(outcome, region, stamp)
    with _lock:
        _reports[key] = report
    return report


def recheck_after_change(location, instance, *, deleted: bool = False) -> None:
    """Re-check what one saved object at this location affects, and make pages show it."""
    from mgz.conformance import services
    from mgz.conformance.models import Run

    region = location.region
    with _lock:
        cached = _outcomes.get(region.id)
    if cached is not None:
        outcome = services.recheck(cached[1], instance, deleted=deleted)
    else:
        outcome = services.run_check(region=region.code, store=False)
    stamp = time.monotonic()
    with _lock:
        _outcomes[region.id] = (stamp, outcome)
    if _latest_run(region) is not None:
        outcome.region_id = region.id
        run = services.store_run(outcome, trigger=Run.Trigger.INCREMENTAL)
        # This process already has the result: no need to read it back from the database.
        report = _from_outcome(outcome, region, stamp)
        report.run_id, report.run_at = run.id, run.started
        with _lock:
            _reports[(f"run-{run.id}", region.id)] = report


def _live_outcome(region):
    from mgz.conformance import services

    with _lock:
        cached = _outcomes.get(region.id)
    if cached is not None and time.monotonic() - cached[0] < LIVE_SECONDS:
        return cached
    outcome = services.run_check(region=region.code, store=False)
    entry = (time.monotonic(), outcome)
    with _lock:
        _outcomes[region.id] = entry
    return entry


# Building page rows ------------------------------------------------------------------------


def _region_maps(region):
    from mgz.registry.models import Location, Organisation, Patient

    patient_location = dict(Patient.objects.filter(region=region).values_list("id", "location_id"))
    location_org = dict(Location.objects.filter(region=region).values_list("id", "organisation_id"))
    organisations = set(Organisation.objects.filter(region=region).values_list("id", flat=True))
    organisations |= set(location_org.values())
    return patient_location, location_org, organisations


def _place(kind: str, subject_id: int, maps, region_id: int):
    """(in region?, location id, organisation id) of a finding's subject."""
    patient_location, location_org, organisations = maps
    if kind == "patient":
        if subject_id not in patient_location:
            return False, None, None
        location_id = patient_location[subject_id]
        return True, location_id, location_org.get(location_id)
    if kind == "location":
        return subject_id in location_org, subject_id, location_org.get(subject_id)
    if kind == "organisation":
        return subject_id in organisations, None, subject_id
    return subject_id == region_id, None, None


def _clauses(summary: list[dict]) -> list[ClauseRow]:
    return [
        ClauseRow(
            s["rule_id"],
            s["title"],
            s["severity"],
            s["subjects_checked"],
            s["subjects_failing"],
            s["subjects_not_assessable"],
        )
        for s in summary
    ]


def _trend(region) -> list[tuple[datetime, int]]:
    from mgz.conformance import services

    return services.trend(region=region, limit=12)


def _from_run(run, region) -> RegionReport:
    from mgz.conformance.models import Finding

    maps = _region_maps(region)
    parsed: dict[str, datetime] = {}  # the same moments recur in many findings

    def moment(text: str) -> datetime:
        found = parsed.get(text)
        if found is None:
            found = parsed[text] = datetime.fromisoformat(text)
        return found

    rows = []
    fields = (
        "rule_id", "severity", "status", "subject_kind", "subject_id", "subject_label",
        "message", "suggestion", "intervals",
    )  # fmt: skip
    for values in Finding.objects.filter(run=run).values_list(*fields).iterator(chunk_size=5000):
        rule_id, severity, status, kind, subject_id, label, message, suggestion, spans = values
        inside, location_id, organisation_id = _place(kind, subject_id, maps, region.id)
        if not inside:
            continue
        rows.append(
            FindingRow(
                rule_id=rule_id,
                severity=severity,
                status=status,
                subject_kind=kind,
                subject_id=subject_id,
                subject_label=label,
                location_id=location_id,
                organisation_id=organisation_id,
                message=message,
                suggestion=suggestion,
                intervals=tuple(
                    IntervalRow(moment(i["start"]), moment(i["end"]), i["kind"]) for i in spans
                ),
            )
        )
    clauses = _clauses(run.summary) if run.region_id == region.id else _recount(run.summary, rows)
    return RegionReport(run.id, run.started, clauses, rows, _trend(region))


def _recount(summary: list[dict], rows: list[FindingRow]) -> list[ClauseRow]:
    """A national run's per-rule counts, restricted to the region's findings."""
    failing: dict[str, set] = {}
    unknown: dict[str, set] = {}
    for row in rows:
        target = unknown if row.status != "fail" else failing
        target.setdefault(row.rule_id, set()).add((row.subject_kind, row.subject_id))
    return [
        ClauseRow(
            s["rule_id"],
            s["title"],
            s["severity"],
            s["subjects_checked"],
            len(failing.get(s["rule_id"], ())),
            len(unknown.get(s["rule_id"], ())),
        )
        for s in summary
    ]


def _from_outcome(outcome, region, stamp: float) -> RegionReport:
    from django.utils import timezone

    maps = _region_maps(region)
    result = outcome.result
    summaries = [s.as_dict() for s in result.summaries(outcome.rules)]
    rows = []
    for f in result.findings:
        inside, location_id, organisation_id = _place(f.subject_kind, f.subject_id, maps, region.id)
        if not inside:
            continue
        rows.append(
            FindingRow(
                rule_id=f.rule_id,
                severity=f.severity,
                status=f.status,
                subject_kind=f.subject_kind,
                subject_id=f.subject_id,
                subject_label=f.subject_label,
                location_id=location_id,
                organisation_id=organisation_id,
                message=f.message,
                suggestion=f.suggestion,
                intervals=tuple(IntervalRow(i.start, i.end, i.kind) for i in f.intervals),
            )
        )
    return RegionReport(f"live-{stamp}", timezone.now(), _clauses(summaries), rows, _trend(region))
