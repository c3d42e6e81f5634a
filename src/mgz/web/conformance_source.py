"""The bridge from the conformance engine to the page rows in mgz.web.reports.

Two sources, in this order:
1. stored runs of mgz.conformance (when its service layer offers `latest_region_report`);
2. a live evaluation with the pure engine (mgz.core.rules.engine) over one region's snapshot,
   cached per region for a few minutes and refreshed after every change made on the pages.
The engine's names appear in this file only.
"""

from __future__ import annotations

import threading
import time

from django.utils import timezone

from mgz.web.reports import ClauseRow, FindingRow, IntervalRow, RegionReport

CACHE_SECONDS = 300
_cache: dict[int, tuple[float, RegionReport]] = {}
_trend: dict[int, list] = {}
_lock = threading.Lock()


def available() -> bool:
    try:
        import mgz.core.rules.engine  # noqa: F401
    except ImportError:  # pragma: no cover
        return False
    return True


def _stored_service():
    try:
        from mgz.conformance import services
    except ImportError:
        return None
    return services if hasattr(services, "latest_region_report") else None


def region_report(region) -> RegionReport | None:
    service = _stored_service()
    if service is not None:
        return service.latest_region_report(region)
    with _lock:
        cached = _cache.get(region.id)
        if cached and time.monotonic() - cached[0] < CACHE_SECONDS:
            return cached[1]
    report = _evaluate(region)
    with _lock:
        _cache[region.id] = (time.monotonic(), report)
    return report


def recheck_location(location, *, user=None) -> None:
    """After a change at a location: the stored engine's re-check, or a fresh live run."""
    service = _stored_service()
    if service is not None and hasattr(service, "recheck_location"):
        service.recheck_location(location, user=user)
        return
    with _lock:
        _cache.pop(location.region_id, None)
    report = _evaluate(location.region)
    with _lock:
        _cache[location.region_id] = (time.monotonic(), report)


def forget() -> None:
    """Drop cached live results (tests, and after imports)."""
    with _lock:
        _cache.clear()
        _trend.clear()


def _evaluate(region) -> RegionReport:
    from mgz.conformance.loader import load_snapshot
    from mgz.core.grid import Grid
    from mgz.core.rules.engine import run_all
    from mgz.core.rules.registry import all_rules

    snapshot = load_snapshot(region_ids=[region.id])
    grid = Grid(timezone.localdate())
    rules = all_rules()
    result = run_all(snapshot, grid, rules)
    summaries = result.summaries(rules)
    clauses = [
        ClauseRow(s.rule_id, s.title, s.severity, s.checked, s.failing, s.not_assessable)
        for s in summaries
    ]
    patients = snapshot.patient_by_id
    locations = snapshot.location_by_id
    rows = []
    for finding in result.findings:
        location_id = organisation_id = None
        if finding.subject_kind == "patient":
            patient = patients.get(finding.subject_id)
            location_id = patient.location_id if patient else None
        elif finding.subject_kind == "location":
            location_id = finding.subject_id
        elif finding.subject_kind == "organisation":
            organisation_id = finding.subject_id
        if location_id is not None and location_id in locations:
            organisation_id = locations[location_id].organisation_id
        rows.append(
            FindingRow(
                rule_id=finding.rule_id,
                severity=finding.severity,
                status=finding.status,
                subject_kind=finding.subject_kind,
                subject_id=finding.subject_id,
                subject_label=finding.subject_label,
                location_id=location_id,
                organisation_id=organisation_id,
                message=finding.message,
                suggestion=finding.suggestion,
                intervals=tuple(IntervalRow(i.start, i.end, i.kind) for i in finding.intervals),
            )
        )
    now = timezone.now()
    failing = sum(1 for row in rows if row.status == "fail")
    with _lock:
        trend = _trend.setdefault(region.id, [])
        trend.append((now, failing))
        del trend[:-12]
        points = list(trend)
    return RegionReport(
        run_id=f"live-{now.timestamp()}", run_at=now, clauses=clauses, findings=rows, trend=points
    )
