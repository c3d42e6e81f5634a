"""Everything the meeting report shows, gathered once (the HTML and the PDF share it)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from django.utils import timezone
from django.utils.safestring import SafeString, mark_safe

from mgz.regiotafel import queries
from mgz.regiotafel.constants import REQUIRED_TOPICS, KnelpuntStatus, Topic
from mgz.regiotafel.models import Knelpunt, KnelpuntStep, Member, Regiotafel
from mgz.regiotafel.report import charts
from mgz.regiotafel.report.coverage import Coverage, coverage_for, stored_trend

MAX_HEAT_ROWS = 25
MAX_LISTED = 60


@dataclass(frozen=True)
class OpenKnelpunt:
    knelpunt: Knelpunt
    step: KnelpuntStep | None
    overdue: bool


@dataclass(frozen=True)
class TopicGap:
    location: str
    organisation: str
    missing: list[str]


@dataclass
class Report:
    regiotafel: Regiotafel
    as_of: date
    period_start: date
    period_end: date
    generated_at: datetime
    members: list[Member]
    coverage: Coverage
    heatmap_svg: SafeString
    trend_svg: SafeString
    stored_trend_svg: SafeString
    sparklines: dict[str, SafeString]
    knelpunten: list[OpenKnelpunt]
    due_for_review: list
    topic_gaps: list[TopicGap]
    topic_gap_count: int
    locations_total: int
    unagreed: list
    activity: list

    @property
    def seated_kinds(self) -> set[str]:
        return {m.kind for m in self.members}


def build_report(
    regiotafel: Regiotafel,
    *,
    as_of: date | None = None,
    period_days: int = 91,
    trend_weeks: int = 6,
) -> Report:
    as_of = as_of or timezone.localdate()
    period_start = as_of - timedelta(days=period_days)
    coverage = coverage_for(regiotafel, as_of, trend_weeks=trend_weeks)
    heat_rows, heat_values = _worst_rows(coverage)
    columns = [row.rule_id for row in coverage.rows]
    members = list(
        regiotafel.members.filter(start__lte=as_of)
        .exclude(end__lt=as_of)
        .select_related("organisation")
    )
    knelpunten = [
        OpenKnelpunt(k, step := k.current_step, bool(step and step.is_overdue(as_of)))
        for k in regiotafel.knelpunten.exclude(status=KnelpuntStatus.OPGELOST)
        .select_related("raised_by", "about_organisation", "about_location")
        .order_by("-step", "raised_on")
    ]
    topic_gaps, gap_count, total = _topic_gaps(regiotafel, as_of)
    return Report(
        regiotafel=regiotafel,
        as_of=as_of,
        period_start=period_start,
        period_end=as_of,
        generated_at=timezone.localtime(),
        members=members,
        coverage=coverage,
        heatmap_svg=mark_safe(charts.heatmap(heat_rows, columns, heat_values)),
        trend_svg=mark_safe(
            charts.line_chart(
                list(zip(coverage.trend_days, coverage.overall_trend, strict=True)),
                title="Aandeel zonder bevinding, alle artikelen",
            )
        ),
        stored_trend_svg=_stored_trend_svg(regiotafel),
        sparklines={row.rule_id: mark_safe(charts.sparkline(row.trend)) for row in coverage.rows},
        knelpunten=knelpunten,
        due_for_review=list(
            queries.agreements_due_for_review(regiotafel, as_of).prefetch_related("parties")
        ),
        topic_gaps=topic_gaps,
        topic_gap_count=gap_count,
        locations_total=total,
        unagreed=queries.unagreed_pgb_locations(regiotafel, as_of),
        activity=queries.activity_tallies(regiotafel, period_start, as_of),
    )


def _stored_trend_svg(regiotafel: Regiotafel) -> SafeString:
    points = stored_trend(regiotafel)
    if len(points) < 2:
        return mark_safe("")
    return mark_safe(
        charts.line_chart(points, title="Aandeel zonder bevinding, opgeslagen toetsingen")
    )


def _worst_rows(coverage: Coverage) -> tuple[list[str], dict[tuple[int, int], float | None]]:
    """At most MAX_HEAT_ROWS rows, the weakest first, so a big region still fits a page."""
    rows = coverage.heat_rows
    if len(rows) <= MAX_HEAT_ROWS:
        return rows, coverage.heat_values
    columns = len(coverage.rows)

    def mean(i: int) -> float:
        known = [v for j in range(columns) if (v := coverage.heat_values.get((i, j))) is not None]
        return sum(known) / len(known) if known else 1.0

    keep = sorted(range(len(rows)), key=lambda i: (mean(i), rows[i]))[:MAX_HEAT_ROWS]
    values = {
        (new, j): coverage.heat_values.get((old, j))
        for new, old in enumerate(keep)
        for j in range(columns)
    }
    return [rows[i] for i in keep], values


def _topic_gaps(regiotafel: Regiotafel, as_of: date) -> tuple[list[TopicGap], int, int]:
    """2.5.2 per location: which required topics no valid agreement covers."""
    covered = queries.agreement_topics_by_location(as_of, region_ids=[regiotafel.region_id])
    locations = list(
        regiotafel.locations()
        .exclude(status="gesloten")
        .values_list("id", "name", "organisation__name")
        .order_by("name")
    )
    gaps = []
    count = 0
    order = Topic.values
    for loc_id, name, org in locations:
        missing = REQUIRED_TOPICS - covered.get(loc_id, set())
        if missing:
            count += 1
            if len(gaps) < MAX_LISTED:
                labels = [Topic(t).label for t in sorted(missing, key=order.index)]
                gaps.append(TopicGap(name, org, labels))
    return gaps, count, len(locations)
