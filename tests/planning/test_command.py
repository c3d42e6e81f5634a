from __future__ import annotations

from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from mgz.availability.models import Arrangement
from mgz.planning.models import PlanningJob


def test_plan_roster_prints_the_roster_counts_verdict_and_figures(planning_world):
    out = StringIO()
    call_command(
        "plan", "roster", "--region", "R-WEST", "--from", "2026-06-01", "--days", "7",
        "--disciplines", "so", "--time-limit", "1", "--workers", "1", stdout=out,
    )  # fmt: skip
    text = out.getvalue()
    assert "ANW-rooster R-WEST vanaf 2026-06-01, 7 dagen" in text
    assert "2026-06-01T17:00 – 2026-06-02T08:00" in text
    assert "Diensten per persoon" in text and "SO Visser" in text
    assert "Controle: in orde" in text
    assert "doelwaarde" in text and "grens" in text and "gat" in text
    assert not Arrangement.objects.filter(code__startswith="ROOSTER-").exists()


def test_plan_roster_accept_writes_the_arrangements(planning_world):
    out = StringIO()
    call_command(
        "plan", "roster", "--region", "R-WEST", "--from", "2026-06-01", "--days", "2",
        "--disciplines", "so", "--time-limit", "1", "--workers", "1", "--accept", stdout=out,
    )  # fmt: skip
    job = PlanningJob.objects.get()
    assert f"Geaccepteerd: 2 afspraken geschreven (ROOSTER-{job.pk}-…)." in out.getvalue()
    assert Arrangement.objects.filter(code__startswith=f"ROOSTER-{job.pk}-").count() == 2


def test_plan_assign_prints_assignments_and_explanations(planning_world):
    out = StringIO()
    call_command(
        "plan", "assign", "--region", "R-WEST", "--time-limit", "1", "--workers", "1", stdout=out
    )
    text = out.getvalue()
    assert "De Eik (1) → Huisartsenpraktijk De Linde" in text
    assert "Bezetting per praktijk" in text
    assert "Controle: in orde" in text


def test_plan_with_an_unknown_region_fails_in_dutch(db):
    with pytest.raises(CommandError, match="regio 'NERGENS' bestaat niet"):
        call_command("plan", "assign", "--region", "NERGENS")
