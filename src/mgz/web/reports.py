"""What the pages show about conformance: an adapter over the conformance engine's results.

Pages never talk to the engine directly; they get plain rows from here. When no run exists
(or the engine is not installed), the functions return None and the pages say so.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import datetime, timedelta

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


def hour_of_week_minutes(intervals: tuple[IntervalRow, ...]) -> list[int]:
    """Uncovered minutes per local hour of the week, summed over all weeks of the run."""
    bins = [0] * HOURS_PER_WEEK
    for interval in intervals:
        cursor = interval.start.astimezone(TZ)
        end = interval.end.astimezone(TZ)
        while cursor < end:
            hour_start = cursor.replace(minute=0, second=0, microsecond=0)
            nxt = min(hour_start + timedelta(hours=1), end)
            bins[cursor.weekday() * 24 + cursor.hour] += int((nxt - cursor).total_seconds() // 60)
            cursor = nxt
    return bins


def heatmap(findings: list[FindingRow], labels: dict[int, str], *, limit: int = 25):
    """Rows (location label, 168 bins) for the locations with the most uncovered time."""
    per_location: dict[int, list[int]] = defaultdict(lambda: [0] * HOURS_PER_WEEK)
    for finding in findings:
        if finding.location_id is None or not finding.intervals:
            continue
        bins = hour_of_week_minutes(finding.intervals)
        row = per_location[finding.location_id]
        for i, minutes in enumerate(bins):
            row[i] += minutes
    ranked = sorted(per_location.items(), key=lambda item: -sum(item[1]))[:limit]
    return [(labels.get(location_id, str(location_id)), bins) for location_id, bins in ranked]
