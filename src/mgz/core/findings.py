"""What the conformance engine reports: findings per rule and subject, and a run's summary."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from mgz.core.calendar import TZ
from mgz.core.grid import Interval

ERROR = "error"
WARNING = "warning"
SEVERITIES = (ERROR, WARNING)

# Status of a finding. A rule that lacks the data to decide says so; that is never a pass.
FAIL = "fail"
NOT_ASSESSABLE = "niet_te_beoordelen"

SUBJECT_KINDS = ("patient", "location", "organisation", "region")
SUBJECT_LABELS = {
    "patient": "cliënt",
    "location": "locatie",
    "organisation": "organisatie",
    "region": "regio",
}

WEEKDAYS = ("ma", "di", "wo", "do", "vr", "za", "zo")


@dataclass(frozen=True)
class Finding:
    """One rule violated (or not assessable) for one subject.

    `aspect` tells apart several findings of one rule for one subject (e.g. the SO and the
    AVG part of 2.1.3.a); intervals are local (Europe/Amsterdam) and empty when the rule is
    not about time.
    """

    rule_id: str
    subject_kind: str
    subject_id: int
    subject_label: str
    severity: str
    message: str
    suggestion: str
    intervals: tuple[Interval, ...] = ()
    aspect: str = ""
    status: str = FAIL

    @property
    def uncovered_minutes(self) -> int:
        return sum(interval.minutes for interval in self.intervals)

    @property
    def subject(self) -> tuple[str, int]:
        return (self.subject_kind, self.subject_id)

    def key(self) -> tuple:
        """Identity of the finding for comparisons (message text excluded)."""
        return (
            self.rule_id,
            self.subject_kind,
            self.subject_id,
            self.aspect,
            self.status,
            tuple((i.start, i.end, i.kind) for i in self.intervals),
        )

    def as_dict(self) -> dict:
        return {
            "rule_id": self.rule_id,
            "subject": {
                "kind": self.subject_kind,
                "id": self.subject_id,
                "label": self.subject_label,
            },
            "aspect": self.aspect,
            "severity": self.severity,
            "status": self.status,
            "intervals": [interval.as_dict() for interval in self.intervals],
            "uncovered_minutes": self.uncovered_minutes,
            "message": self.message,
            "suggestion": self.suggestion,
        }


@dataclass
class RuleSummary:
    rule_id: str
    title: str
    severity: str
    subject_kind: str
    checked: int = 0
    failing: int = 0
    not_assessable: int = 0
    uncovered_minutes: int = 0

    def as_dict(self) -> dict:
        return {
            "rule_id": self.rule_id,
            "title": self.title,
            "severity": self.severity,
            "subject_kind": self.subject_kind,
            "subjects_checked": self.checked,
            "subjects_failing": self.failing,
            "subjects_not_assessable": self.not_assessable,
            "uncovered_hours": round(self.uncovered_minutes / 60, 2),
        }


class RunResult:
    """The findings of one evaluation, with per-rule counts of subjects checked.

    The findings are kept as a list, or as an index per subject after an incremental
    re-check (which replaces the entries of the affected subjects only, without touching the
    other few hundred thousand); either form is made from the other when asked for.
    """

    def __init__(
        self,
        start: datetime,
        days: int,
        findings: list[Finding] | None = None,
        checked: dict[str, int] | None = None,
        *,
        index: dict[tuple[str, int], list[Finding]] | None = None,
    ) -> None:
        self.start = start
        self.days = days
        self._findings = list(findings) if findings is not None else None
        self._index = index
        self._groups: list[list[Finding]] = []
        if self._findings is None and self._index is None:
            self._findings = []
        self.checked = dict(checked or {})

    @property
    def findings(self) -> list[Finding]:
        if self._findings is None:
            groups = self._index.values() if self._index is not None else self._groups
            self._findings = [f for group in groups for f in group]
        return self._findings

    def take_index(self) -> dict[tuple[str, int], list[Finding]]:
        """The findings per subject, for a re-check to change in place.

        An existing index is handed over without a copy; this result keeps the list of its
        per-subject lists (a re-check replaces whole lists, never changes one), so it stays
        readable. Without an index, one is made from the flat list.
        """
        index = self._index
        if index is None:
            index = {}
            for finding in self._findings:
                index.setdefault((finding.subject_kind, finding.subject_id), []).append(finding)
            return index
        if self._findings is None:
            self._groups = list(index.values())
        self._index = None
        return index

    def summaries(self, rules: Iterable) -> list[RuleSummary]:
        by_rule: dict[str, RuleSummary] = {
            rule.ID: RuleSummary(rule.ID, rule.TITLE, rule.SEVERITY, rule.SUBJECT) for rule in rules
        }
        failing: dict[str, set] = {rule_id: set() for rule_id in by_rule}
        unknown: dict[str, set] = {rule_id: set() for rule_id in by_rule}
        for finding in self.findings:
            summary = by_rule.get(finding.rule_id)
            if summary is None:
                continue
            if finding.status == NOT_ASSESSABLE:
                unknown[finding.rule_id].add(finding.subject)
            else:
                failing[finding.rule_id].add(finding.subject)
                summary.uncovered_minutes += finding.uncovered_minutes
        for rule_id, summary in by_rule.items():
            summary.checked = self.checked.get(rule_id, 0)
            summary.failing = len(failing[rule_id])
            summary.not_assessable = len(unknown[rule_id])
        return list(by_rule.values())

    @property
    def has_errors(self) -> bool:
        return any(f.severity == ERROR and f.status == FAIL for f in self.findings)

    def keys(self) -> list[tuple]:
        return sorted(finding.key() for finding in self.findings)


def format_moment(moment: datetime) -> str:
    local = moment.astimezone(TZ)
    return f"{WEEKDAYS[local.weekday()]} {local:%d-%m-%Y %H:%M}"


def format_interval(interval: Interval) -> str:
    start, end = interval.start.astimezone(TZ), interval.end.astimezone(TZ)
    if end.date() == start.date() or (end.hour == 0 and end.minute == 0 and _next_day(start, end)):
        end_text = "24:00" if end.date() != start.date() else f"{end:%H:%M}"
        return f"{format_moment(start)}–{end_text}"
    return f"{format_moment(start)} – {format_moment(end)}"


def _next_day(start: datetime, end: datetime) -> bool:
    return (end.date() - start.date()).days == 1


def format_intervals(found: tuple[Interval, ...], *, limit: int = 3) -> str:
    """'za 26-12-2026 00:00–08:00, zo 27-12-2026 00:00–08:00 en 4 andere tijdvakken'."""
    shown = ", ".join(format_interval(interval) for interval in found[:limit])
    rest = len(found) - limit
    if rest > 0:
        shown += f" en {rest} {'ander tijdvak' if rest == 1 else 'andere tijdvakken'}"
    return shown


def format_duration(minutes: int) -> str:
    hours, rest = divmod(minutes, 60)
    if hours and rest:
        return f"{hours} u {rest} min"
    return f"{hours} u" if hours else f"{rest} min"
