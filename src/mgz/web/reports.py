"""What the pages show about conformance: an adapter over the conformance engine's results.

Pages never talk to the engine directly; they get plain rows from here. When no run exists
(or the engine is not installed), the functions return None and the pages say so.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import datetime

import numpy as np

from mgz.core.calendar import TZ

GREEN, AMBER, RED = "groen", "oranje", "rood"
STATUS_LABELS = {GREEN: "in orde", AMBER: "let op", RED: "tekort"}


@dataclass(frozen=True)
class IntervalRow:
    start: datetime
    end: datetime
    kind: str  # "dag" or "anw"


@dataclass(frozen=True)
class FindingRow:
    rule_id: str
    severity: str
    status: str
    subject_kind: str
    subject_id: int
    subject_label: str
    location_id: int | None
    organisation_id: int | None
    message: str
    suggestion: str
    intervals: tuple[IntervalRow, ...] = ()

    @property
    def uncovered_minutes(self) -> int:
        return sum(int((i.end - i.start).total_seconds() // 60) for i in self.intervals)

    @property
    def in_anw(self) -> bool:
        return any(i.kind == "anw" for i in self.intervals)

    @property
    def in_day(self) -> bool:
        return any(i.kind == "dag" for i in self.intervals)


@dataclass(frozen=True)
class ClauseRow:
    rule_id: str
    title: str
    severity: str
    checked: int
    failing: int
    not_assessable: int

    @property
    def status(self) -> str:
        if self.failing and self.severity == "error":
            return RED
        if self.failing or self.not_assessable:
            return AMBER
        return GREEN

    @property
    def status_label(self) -> str:
        return STATUS_LABELS[self.status]


@dataclass
class RegionReport:
    run_id: int | str
    run_at: datetime
    clauses: list[ClauseRow]
    findings: list[FindingRow]
    trend: list[tuple[datetime, int]] = field(default_factory=list)
    # Derived page parts (heatmap, names), computed once per report and process.
    extras: dict = field(default_factory=dict, repr=False, compare=False)


def region_report(region) -> RegionReport | None:
    """The latest conformance run for a region, or None when there is none."""
    source = _source()
    return source.region_report(region) if source else None


def recheck_after_change(location, instance, *, deleted: bool = False) -> bool:
    """Re-check what a change at this location affects; False when no engine is available."""
    source = _source()
    if source is None:
        return False
    source.recheck_after_change(location, instance, deleted=deleted)
    return True


def _source():
    try:
        from mgz.web import conformance_source
    except ImportError:  # pragma: no cover - the engine is optional for the pages
        return None
    return conformance_source if conformance_source.available() else None


# Hour of the week (0 = Monday 00:00 local) for the heatmap.
HOURS_PER_WEEK = 7 * 24
MINUTES_PER_WEEK = HOURS_PER_WEEK * 60
_MONDAY = datetime(2024, 1, 1)  # a Monday; local wall-clock minutes are counted from here


def _wall_minutes(moment: datetime) -> int:
    return int((moment.astimezone(TZ).replace(tzinfo=None) - _MONDAY).total_seconds() // 60)


def hour_of_week_minutes(intervals) -> list[int]:
    """Uncovered minutes per local hour of the week, summed over all weeks of the run."""
    return week_bins([(_wall_minutes(i.start), _wall_minutes(i.end)) for i in intervals]).tolist()


def week_bins(spans: list[tuple[int, int]]):
    """Minutes per hour of the week for wall-clock spans (start, end) in minutes since a Monday.

    A difference array over the minutes of one week: whole weeks add to every minute, the
    rest is one or two runs (when it wraps past Sunday 24:00). O(spans), vectorised.
    """
    if not spans:
        return np.zeros(HOURS_PER_WEEK, dtype=np.int64)
    arr = np.asarray(spans, dtype=np.int64)
    starts, lengths = arr[:, 0], arr[:, 1] - arr[:, 0]
    full = int((lengths // MINUTES_PER_WEEK).sum())
    rest = lengths % MINUTES_PER_WEEK
    first = starts % MINUTES_PER_WEEK
    last = first + rest
    diff = np.zeros(MINUTES_PER_WEEK + 1, dtype=np.int64)
    inside = last <= MINUTES_PER_WEEK
    np.add.at(diff, first[inside], 1)
    np.add.at(diff, last[inside], -1)
    wrap = ~inside
    np.add.at(diff, first[wrap], 1)
    diff[MINUTES_PER_WEEK] -= int(wrap.sum())
    diff[0] += int(wrap.sum())
    np.add.at(diff, last[wrap] - MINUTES_PER_WEEK, -1)
    per_minute = np.cumsum(diff)[:MINUTES_PER_WEEK] + full
    return per_minute.reshape(HOURS_PER_WEEK, 60).sum(axis=1)


def heatmap(findings: list[FindingRow], labels: dict[int, str], *, limit: int = 25):
    """Rows (location label, 168 bins) for the locations with the most uncovered time."""
    converted: dict[tuple, tuple[int, int]] = {}  # many findings share the same intervals
    spans: dict[int, list[tuple[int, int]]] = defaultdict(list)
    for finding in findings:
        if finding.location_id is None or not finding.intervals:
            continue
        target = spans[finding.location_id]
        for interval in finding.intervals:
            key = (interval.start, interval.end)
            span = converted.get(key)
            if span is None:
                span = converted[key] = (_wall_minutes(interval.start), _wall_minutes(interval.end))
            target.append(span)
    totals = {lid: sum(e - s for s, e in items) for lid, items in spans.items()}
    ranked = sorted(totals, key=lambda lid: -totals[lid])[:limit]
    return [(labels.get(lid, str(lid)), week_bins(spans[lid]).tolist()) for lid in ranked]
