"""Demo regiotafels on the synthetic Netherlands: seats, agreements, knelpunten, planted gaps."""

from __future__ import annotations

from django.core.management import call_command

from mgz.demo.loader import generate
from mgz.regiotafel import queries
from mgz.regiotafel.constants import REQUIRED_TOPICS
from mgz.regiotafel.demo import ensure_demo_regiotafels
from mgz.regiotafel.models import Regiotafel
from mgz.regiotafel.report.build import build_report
from mgz.regiotafel.report.render import render_html

from .conftest import DAY


def test_every_demo_region_gets_a_table_once(db):
    generate("tiny", 1, today=DAY)
    made = ensure_demo_regiotafels(today=DAY)
    assert made and len(made) == Regiotafel.objects.count()
    assert ensure_demo_regiotafels(today=DAY) == []  # idempotent
    kinds = queries.membership_by_region(DAY)
    first = made[0]
    assert {"zorgkantoor", "so", "avg", "huisartsen"} <= kinds[first.region_id]
    topics = queries.agreement_topics_by_location(DAY, region_ids=[first.region_id])
    assert topics and any(REQUIRED_TOPICS - covered for covered in topics.values())
    assert list(queries.overdue_steps(today=DAY, regiotafel_ids=[first.pk]))
    html = render_html(build_report(first, as_of=DAY, trend_weeks=1))
    assert "Geen SO bereikbaar in de ANW" in html


def test_the_command_reports_what_it_made(db, capsys):
    generate("tiny", 2, today=DAY)
    call_command("regiotafel_demo", "--today", DAY.isoformat())
    assert "regiotafel(s) aangemaakt" in capsys.readouterr().out
