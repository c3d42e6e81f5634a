"""Coverage per clause for one regiotafel's area: now, over past weeks, and per part of the area.

The conformance engine (mgz.core.rules) is run on a snapshot of the table's region, once per
trend point; the snapshot is loaded once. When the conformance app keeps runs of its own, the
report can read those instead; until then this live evaluation is the source.
"""

from __future__ import annotations

from bisect import bisect_right
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

from django.utils import timezone

from mgz.conformance.loader import load_snapshot
from mgz.core.calendar import TZ
from mgz.core.findings import NOT_ASSESSABLE, Finding, RunResult
from mgz.core.grid import Grid
from mgz.core.rules.base import Selection
from mgz.core.rules.engine import evaluate
from mgz.core.rules.registry import all_rules
from mgz.core.snapshot import Snapshot
from mgz.regiotafel.models import Regiotafel


@dataclass(frozen=True)
class ClauseRow:
    rule_id: str
    title: str
    subject_kind: str
    severity: str
    checked: int
    failing: int
    not_assessable: int
    uncovered_hours: float
    trend: tuple[float | None, ...] = ()

    @property
    def share(self) -> float | None:
        """Share of checked subjects without a finding; None when nothing could be judged."""
        judged = self.checked - self.not_assessable
        if self.checked == 0 or judged <= 0:
            return None
        return max(0.0, (judged - self.failing) / self.checked)


@dataclass
class Coverage:
    as_of: date
    rows: list[ClauseRow]
    trend_days: list[date]
    overall_trend: list[float | None]
    heat_rows: list[str]
    heat_values: dict[tuple[int, int], float | None] = field(default_factory=dict)
    heat_kind: str = "subregio"


def _selection(snapshot: Snapshot, grid: Grid, table: Regiotafel) -> Selection:
    selection = Selection.for_region(snapshot, grid, table.region_id)
    if table.subregion_id:
        locations = {loc.id for loc in snapshot.locations if loc.subregion_id == table.subregion_id}
        selection.location_ids = frozenset(locations)
        selection.patient_ids = frozenset(
            p.id for p in snapshot.patients if p.location_id in locations
        )
    return selection


def _week_failures(
    result: RunResult, starts: list[datetime]
) -> tuple[list[dict[str, set]], dict[str, int], list[Finding]]:
    """Per week: rule id → failing subjects; the last week's uncovered minutes per rule and its
    failing findings. A finding without intervals (not about time) fails every week.

    A region has hundreds of thousands of intervals, so each is placed by bisection (intervals
    are cut at day boundaries, so one rarely crosses into the next week).
    """
    weeks = len(starts) - 1
    last = weeks - 1
    last_start, horizon_end = starts[last], starts[weeks]
    failing: list[dict[str, set]] = [defaultdict(set) for _ in range(weeks)]
    minutes: dict[str, int] = defaultdict(int)
    current: list[Finding] = []
    for found in result.findings:
        if found.status == NOT_ASSESSABLE:
            continue
        if not found.intervals:
            for w in range(weeks):
                failing[w][found.rule_id].add(found.subject)
            current.append(found)
            continue
        hit: set[int] = set()
        for interval in found.intervals:
            w = bisect_right(starts, interval.start) - 1
            if 0 <= w < weeks:
                hit.add(w)
            if w + 1 < weeks and interval.end > starts[w + 1]:
                hit.add(w + 1)
            if interval.end > last_start:
                lo, hi = max(interval.start, last_start), min(interval.end, horizon_end)
                if lo < hi:
                    minutes[found.rule_id] += int((hi - lo).total_seconds() // 60)
        for w in hit:
            failing[w][found.rule_id].add(found.subject)
        if last in hit:
            current.append(found)
    return failing, minutes, current


def _checked(result: RunResult) -> tuple[dict[str, int], dict[str, int]]:
    """Subjects checked and subjects 'niet te beoordelen' per rule (without summing minutes)."""
    unknown: dict[str, set] = defaultdict(set)
    for found in result.findings:
        if found.status == NOT_ASSESSABLE:
            unknown[found.rule_id].add(found.subject)
    return dict(result.checked), {rule_id: len(subjects) for rule_id, subjects in unknown.items()}


def _share(checked: int, not_assessable: int, failing: int) -> float | None:
    judged = checked - not_assessable
    if checked == 0 or judged <= 0:
        return None
    return max(0.0, (judged - failing) / checked)


def coverage_for(
    table: Regiotafel, as_of: date, *, trend_weeks: int = 6, days: int = 7
) -> Coverage:
    """One evaluation from `trend_weeks` weeks before `as_of` to a week after it, cut into
    weeks: the last week is 'now', the earlier ones make the trend. One run instead of one per
    week keeps the report for the largest region within seconds."""
    snapshot = load_snapshot(region_ids=[table.region_id])
    first = as_of - timedelta(weeks=trend_weeks)
    trend_days = [first + timedelta(days=days * k) for k in range(trend_weeks + 1)]
    grid = Grid(first, days * (trend_weeks + 1))
    result = evaluate(snapshot, _selection(snapshot, grid, table))
    starts = [
        datetime.combine(day, time.min, tzinfo=TZ)
        for day in [*trend_days, as_of + timedelta(days=days)]
    ]
    failing, minutes, current = _week_failures(result, starts)
    checked, unknown = _checked(result)
    rows = []
    for rule in all_rules():
        n, na = checked.get(rule.ID, 0), unknown.get(rule.ID, 0)
        trend = tuple(
            _share(n, na, len(failing[w].get(rule.ID, ()))) for w in range(len(trend_days))
        )
        rows.append(
            ClauseRow(
                rule.ID,
                rule.TITLE,
                rule.SUBJECT,
                rule.SEVERITY,
                n,
                len(failing[-1].get(rule.ID, ())),
                na,
                round(minutes.get(rule.ID, 0) / 60, 1),
                trend,
            )
        )
    overall = []
    for w in range(len(trend_days)):
        judged = [(r.checked, r.trend[w]) for r in rows if r.trend[w] is not None]
        total = sum(c for c, _ in judged)
        overall.append(sum(c * v for c, v in judged) / total if total else None)
    coverage = Coverage(as_of, rows, trend_days, overall, [])
    _heat(coverage, snapshot, table, current)
    return coverage


def _heat(
    coverage: Coverage, snapshot: Snapshot, table: Regiotafel, current: list[Finding]
) -> None:
    """Rows are the subregions of the area, or its providers when there is only one part.

    A cell is the share of the row's patients (or locations, organisations) without a failing
    finding of that clause; region-wide findings count for every row.
    """
    locations = [
        loc
        for loc in snapshot.locations
        if loc.region_id == table.region_id
        and (not table.subregion_id or loc.subregion_id == table.subregion_id)
    ]
    subregions = {loc.subregion_id for loc in locations if loc.subregion_id}
    if not table.subregion_id and len(subregions) > 1:
        names = _subregion_names(subregions)
        row_of_location = {
            loc.id: names.get(loc.subregion_id, "Zonder subregio") for loc in locations
        }
        coverage.heat_kind = "subregio"
    else:
        orgs = snapshot.organisation_by_id
        row_of_location = {
            loc.id: orgs[loc.organisation_id].name if loc.organisation_id in orgs else "?"
            for loc in locations
        }
        coverage.heat_kind = "zorgaanbieder"
    row_names = sorted(set(row_of_location.values()))
    index = {name: i for i, name in enumerate(row_names)}
    subjects: dict[tuple[str, int], set[int]] = defaultdict(set)  # (kind, row) -> subject ids
    row_of: dict[tuple[str, int], int] = {}
    for loc in locations:
        row = index[row_of_location[loc.id]]
        subjects[("location", row)].add(loc.id)
        row_of[("location", loc.id)] = row
        subjects[("organisation", row)].add(loc.organisation_id)
        row_of[("organisation", loc.organisation_id)] = row
    for patient in snapshot.patients:
        if patient.location_id in row_of_location:
            row = index[row_of_location[patient.location_id]]
            subjects[("patient", row)].add(patient.id)
            row_of[("patient", patient.id)] = row
    failing: dict[tuple[str, int], set[tuple[str, int]]] = defaultdict(set)
    region_failing: set[str] = set()
    for found in current:
        if found.subject_kind == "region":
            region_failing.add(found.rule_id)
            continue
        row = row_of.get((found.subject_kind, found.subject_id))
        if row is not None:
            failing[(found.rule_id, row)].add(found.subject)
    columns = [row.rule_id for row in coverage.rows]
    kinds = {row.rule_id: row.subject_kind for row in coverage.rows}
    assessable = {row.rule_id for row in coverage.rows if row.share is not None}
    for i in range(len(row_names)):
        for j, rule_id in enumerate(columns):
            if rule_id not in assessable:
                coverage.heat_values[(i, j)] = None
            elif kinds[rule_id] == "region":
                coverage.heat_values[(i, j)] = 0.0 if rule_id in region_failing else 1.0
            else:
                total = len(subjects.get((kinds[rule_id], i), ()))
                bad = len(failing.get((rule_id, i), ()))
                coverage.heat_values[(i, j)] = None if total == 0 else 1 - bad / total
    coverage.heat_rows = row_names


def _subregion_names(ids: set[int]) -> dict[int, str]:
    from mgz.registry.models import Subregion

    return dict(Subregion.objects.filter(id__in=ids).values_list("id", "name"))


def stored_trend(table: Regiotafel, *, limit: int = 12) -> list[tuple[date, float | None]]:
    """Share without findings over the stored full runs of this table's region (`mgz check
    --region`), oldest first: the history that a live evaluation of today's data cannot show.
    Empty for a subregional table (runs are stored per region)."""
    if table.subregion_id:
        return []
    from mgz.conformance.models import Run

    runs = Run.objects.filter(region_id=table.region_id, trigger=Run.Trigger.FULL).order_by(
        "-started", "-id"
    )[:limit]
    points = []
    for run in reversed(list(runs)):
        checked = ok = 0
        for rule in run.summary:
            judged = rule["subjects_checked"] - rule["subjects_not_assessable"]
            if rule["subjects_checked"] and judged > 0:
                checked += rule["subjects_checked"]
                ok += max(0, judged - rule["subjects_failing"])
        points.append((timezone.localdate(run.started), ok / checked if checked else None))
    return points
