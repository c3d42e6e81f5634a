"""The meeting report: its sections from the table's data, as HTML and as PDF."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from mgz.regiotafel import services
from mgz.regiotafel.constants import ActivityKind, AgreementKind, PartyKind, Topic
from mgz.regiotafel.errors import InvalidInput
from mgz.regiotafel.models import ActivityCount
from mgz.regiotafel.report import charts
from mgz.regiotafel.report.build import build_report
from mgz.regiotafel.report.render import render_html, render_pdf
from tests import factories

from .conftest import DAY


@pytest.fixture
def filled(world):
    services.create_agreement(
        world.table,
        title="Consultatie SO voor huisartsen",
        kind=AgreementKind.MEDISCH_INHOUDELIJK,
        topics=[Topic.CONSULTATIE, Topic.MDO],
        parties=[world.provider, world.practice],
        valid_from=date(2026, 1, 1),
        review_date=DAY + timedelta(days=10),
    )
    k = services.raise_knelpunt(
        world.table,
        title="ANW-bereikbaarheid AVG <onvoldoende>",
        description="…",
        raised_by=world.practice,
        about_organisation=world.provider,
        today=DAY - timedelta(days=60),
    )
    services.escalate(k, decision="Niet opgelost tussen partijen.", today=DAY - timedelta(days=50))
    pgb_org = factories.organisation(
        name="Wooninitiatief De Tuin", pgb_only=True, region=world.region
    )
    factories.location(
        name="De Tuin", organisation=pgb_org, region=world.region, kind="pgb_wooninitiatief"
    )
    ActivityCount.objects.create(
        regiotafel=world.table,
        organisation=world.so_avg,
        kind=ActivityKind.MDO,
        period_start=DAY - timedelta(days=30),
        period_end=DAY,
        count=12,
    )
    # a transfer of regiebehandelaarschap the platform sees by itself
    patient = factories.patient(location=world.location, region=world.region)
    factories.care_team_member(
        patient=patient, start=date(2025, 1, 1), end=DAY - timedelta(days=11)
    )
    factories.care_team_member(patient=patient, start=DAY - timedelta(days=10))
    return world


def test_the_report_gathers_every_section(filled):
    report = build_report(filled.table, as_of=DAY, trend_weeks=2)
    assert {row.rule_id for row in report.coverage.rows} >= {"2.3.3.2.b", "2.5.2", "1.1"}
    assert len(report.coverage.overall_trend) == 3
    assert [k.knelpunt.step for k in report.knelpunten] == [2]
    assert report.knelpunten[0].overdue
    assert [a.title for a in report.due_for_review] == ["Consultatie SO voor huisartsen"]
    assert [loc.name for loc in report.unagreed] == ["De Tuin"]
    assert report.topic_gap_count == report.locations_total
    kinds = {(t.kind, t.source) for t in report.activity}
    assert ("mdo", "handmatig") in kinds and ("overdracht", "platform") in kinds


def test_the_html_names_missing_so_and_avg_and_escapes_text(filled):
    html = render_html(build_report(filled.table, as_of=DAY, trend_weeks=1))
    assert "Niet aan tafel: Specialist ouderengeneeskunde (SO) en Arts verstandelijk" in html
    assert "&lt;onvoldoende&gt;" in html and "<onvoldoende>" not in html
    assert "<svg" in html and "<script" not in html
    assert "verstreken" in html


def test_with_so_and_avg_seated_the_report_says_so(filled):
    for kind in (PartyKind.SO, PartyKind.AVG):
        services.add_member(
            filled.table, filled.so_avg, kind, representative="X", start=date(2025, 1, 1)
        )
    html = render_html(build_report(filled.table, as_of=DAY, trend_weeks=1))
    assert "SO en AVG nemen deel" in html


def test_the_pdf_is_a_pdf(filled):
    pdf = render_pdf(build_report(filled.table, as_of=DAY, trend_weeks=1))
    assert pdf.startswith(b"%PDF-")
    assert len(pdf) > 5000


def test_chart_labels_are_escaped():
    svg = charts.heatmap(["<b>x</b>"], ["2.5.2"], {(0, 0): 0.7})
    assert "&lt;b&gt;" in svg and "<b>" not in svg


def test_colour_scale_runs_from_red_to_green():
    assert charts.share_colour(1.0) == "#16a34a"
    assert charts.share_colour(0.5) == "#dc2626"
    assert charts.share_colour(None) == "#e5e7eb"


def test_a_pgb_location_is_agreed_once_its_provider_is_a_party(filled):
    from mgz.registry.models import Location

    tuin = Location.objects.get(name="De Tuin")
    services.create_agreement(
        filled.table,
        title="MGZ voor De Tuin",
        kind=AgreementKind.ORGANISATORISCH,
        topics=[Topic.BESCHIKBAARHEID_ANW],
        parties=[tuin.organisation, filled.practice],
        valid_from=date(2026, 1, 1),
        scope_kind="locatie",
        scope_locations=[tuin],
    )
    from mgz.regiotafel.queries import unagreed_pgb_locations

    assert unagreed_pgb_locations(filled.table, DAY) == []


def test_activity_counts_are_entered_once_per_period_and_corrected(world):
    args = dict(period_start=date(2026, 1, 1), period_end=date(2026, 3, 31))
    services.record_activity_count(
        world.table, world.so_avg, ActivityKind.ANW_CONTACT, count=4, **args
    )
    services.record_activity_count(
        world.table, world.so_avg, ActivityKind.ANW_CONTACT, count=7, **args
    )
    assert list(ActivityCount.objects.values_list("count", flat=True)) == [7]
    with pytest.raises(InvalidInput):
        services.record_activity_count(world.table, world.so_avg, "koffie", count=1, **args)


def test_the_report_command_writes_a_pdf(world, tmp_path):
    from django.core.management import call_command

    out = tmp_path / "rapport.pdf"
    call_command(
        "regiotafel_report", world.table.pk, "--out", str(out), "--peildatum", "2026-03-02"
    )
    assert out.read_bytes().startswith(b"%PDF-")


def test_stored_region_runs_add_a_history_chart(world):
    from mgz.conformance.models import Run
    from mgz.regiotafel.report.coverage import stored_trend

    for failing in (4, 1):
        Run.objects.create(
            horizon_start=DAY,
            horizon_days=28,
            region=world.region,
            scope=f"regio {world.region.name}",
            summary=[
                {
                    "rule_id": "1.1",
                    "subjects_checked": 10,
                    "subjects_failing": failing,
                    "subjects_not_assessable": 0,
                },
                {
                    "rule_id": "2.5.2",
                    "subjects_checked": 1,
                    "subjects_failing": 0,
                    "subjects_not_assessable": 1,
                },
            ],
        )
    assert [share for _, share in stored_trend(world.table)] == [0.6, 0.9]
    report = build_report(world.table, as_of=DAY, trend_weeks=1)
    assert "opgeslagen toetsingen" in report.stored_trend_svg
