"""The routing table: every row is one call, its expected chain and the clause it exercises.

A chain is written as `role=name`, a gap as `role=!clause`. Each row runs on the reference
implementation and on the index; both must give the expected chain (and the same answer).
The world is tests/routing/world.py.
"""

from __future__ import annotations

from datetime import timedelta

import pytest

from mgz.core.route_index import RouteIndex
from mgz.core.routing import route_reference
from tests.routing.world import AVGVAC, DAY, EVE, FD, SICK, VAC, VACN, WKD, world

HAP = "Huisartsenpost Noord"
ZGN = "Zorggroep Noord"
BOOG = "Stichting De Boog"

# (patient, moment, question, urgency, caller, expected chain, clause exercised)
SCENARIOS = [
    # VV, verblijf met behandeling: all GP care via the SO of the institution (2.1.4.d)
    (
        "VV-MET",
        DAY,
        "somatisch_acuut",
        "U3",
        "verzorgende",
        f"meldpunt={ZGN} behandelaar=C. Bakker",
        "2.1.4.d",
    ),
    (
        "VV-MET",
        EVE,
        "somatisch_acuut",
        "U2",
        "verzorgende",
        f"meldpunt={ZGN} behandelaar=D. Visser",
        "2.1.3.b.2",
    ),
    (
        "VV-MET",
        EVE,
        "somatisch_acuut",
        "U1",
        "verzorgende",
        f"spoed=Ambulance (112) meldpunt={ZGN} behandelaar=D. Visser",
        "2.2.1",
    ),
    ("VV-MET", WKD, "palliatief", "U3", "hap_triagist", "behandelaar=D. Visser", "2.1.4.d"),
    ("VV-MET", FD, "overlijden", "U3", "hap_triagist", "behandelaar=D. Visser", "2.1.3.b.2"),
    (
        "VV-MET",
        SICK,
        "somatisch_chronisch",
        "U4",
        "verzorgende",
        f"meldpunt={ZGN} behandelaar=H. Meijer",
        "2.1.4.d",
    ),
    ("VV-MET", DAY, "multidomein", "U4", "so", "behandelaar=C. Bakker", "2.4.1.a"),
    ("VV-MET", EVE, "psychisch_gedrag", "U3", "voorwacht", "behandelaar=D. Visser", "2.3.2.2"),
    # VV, verblijf zonder behandeling: the GP by day, the HAP in ANW, the SO as achterwacht
    (
        "VV-ZONDER",
        DAY,
        "somatisch_acuut",
        "U3",
        "verzorgende",
        f"meldpunt={ZGN} behandelaar=A. Jansen achterwacht=H. Meijer",
        "2.4.1.c",
    ),
    (
        "VV-ZONDER",
        EVE,
        "somatisch_acuut",
        "U3",
        "verzorgende",
        f"meldpunt={ZGN} behandelaar={HAP} achterwacht=D. Visser",
        "2.1.3.b.1",
    ),
    (
        "VV-ZONDER",
        DAY,
        "multidomein",
        "U4",
        "huisarts",
        "behandelaar=A. Jansen achterwacht=H. Meijer",
        "2.4.1.a",
    ),
    (
        "VV-ZONDER",
        EVE,
        "multidomein",
        "U3",
        "hap_triagist",
        f"behandelaar={HAP} achterwacht=D. Visser",
        "2.4.1.a",
    ),
    (
        "VV-ZONDER",
        DAY,
        "psychisch_gedrag",
        "U4",
        "verzorgende",
        f"meldpunt={ZGN} behandelaar=A. Jansen achterwacht=H. Meijer",
        "2.3.2.2",
    ),
    (
        "VV-ZONDER",
        VAC,
        "somatisch_acuut",
        "U3",
        "verzorgende",
        f"meldpunt={ZGN} behandelaar=B. de Vries achterwacht=!2.1.3.a",
        "2.1.3.a",
    ),
    (
        "VV-ZONDER",
        VACN,
        "somatisch_acuut",
        "U3",
        "verzorgende",
        f"meldpunt={ZGN} behandelaar={HAP} achterwacht=!2.1.3.b.2",
        "2.1.3.b.2",
    ),
    (
        "VV-ZONDER",
        FD,
        "palliatief",
        "U3",
        "hap_triagist",
        f"behandelaar={HAP} achterwacht=D. Visser",
        "2.1.3.b.1",
    ),
    (
        "VV-ZONDER",
        WKD,
        "overlijden",
        "U3",
        "verzorgende",
        f"meldpunt={ZGN} behandelaar={HAP} achterwacht=D. Visser",
        "2.1.3.b.1",
    ),
    (
        "VV-ZONDER",
        VAC,
        "multidomein",
        "U4",
        "huisarts",
        "behandelaar=B. de Vries achterwacht=!2.1.3.a",
        "2.4.1.a",
    ),
    (
        "VV-ZONDER",
        DAY,
        "somatisch_acuut",
        "U0",
        "verzorgende",
        f"spoed=Ambulance (112) meldpunt={ZGN} behandelaar=A. Jansen achterwacht=H. Meijer",
        "2.2.1",
    ),
    # VV at home (MPT, VPT, pgb)
    (
        "VV-THUIS",
        DAY,
        "somatisch_chronisch",
        "U4",
        "verzorgende",
        "behandelaar=A. Jansen achterwacht=H. Meijer",
        "2.4.1.c",
    ),
    (
        "VV-THUIS",
        EVE,
        "somatisch_acuut",
        "U2",
        "verzorgende",
        f"behandelaar={HAP} achterwacht=!2.1.3.b.2",
        "2.1.3.b.2",
    ),
    (
        "VV-THUIS",
        WKD,
        "somatisch_acuut",
        "U0",
        "huisarts",
        f"spoed=Ambulance (112) behandelaar={HAP} achterwacht=!2.1.3.b.2",
        "2.1.3.b.2",
    ),
    (
        "VV-THUIS",
        DAY,
        "multidomein",
        "U3",
        "hap_triagist",
        "behandelaar=A. Jansen achterwacht=H. Meijer",
        "2.4.1.a",
    ),
    (
        "VV-VPT",
        DAY,
        "palliatief",
        "U4",
        "so",
        "behandelaar=A. Jansen achterwacht=H. Meijer",
        "2.4.1.c",
    ),
    (
        "PGB",
        DAY,
        "somatisch_acuut",
        "U3",
        "huisarts",
        "behandelaar=!2.1.3.a achterwacht=H. Meijer",
        "2.1.3.a",
    ),
    (
        "PGB",
        EVE,
        "somatisch_acuut",
        "U3",
        "huisarts",
        f"behandelaar={HAP} achterwacht=!2.1.3.b.2",
        "2.1.3.b.2",
    ),
    # GHZ, verblijf met behandeling; regiebehandelaar the AVG
    (
        "GHZ-MET",
        DAY,
        "vg_gedrag",
        "U4",
        "verzorgende",
        f"meldpunt={BOOG} behandelaar=E. Smit huisarts=A. Jansen consultatie=G. de Boer",
        "2.4.4",
    ),
    (
        "GHZ-MET",
        EVE,
        "vg_gedrag",
        "U3",
        "verzorgende",
        f"meldpunt={BOOG} behandelaar=F. Mulder huisarts={HAP}",
        "2.1.3.b.3",
    ),
    (
        "GHZ-MET",
        DAY,
        "somatisch_acuut",
        "U3",
        "verzorgende",
        f"meldpunt={BOOG} behandelaar=A. Jansen regiebehandelaar=E. Smit",
        "2.1.4.c",
    ),
    (
        "GHZ-MET",
        EVE,
        "somatisch_acuut",
        "U3",
        "hap_triagist",
        f"behandelaar={HAP} achterwacht=F. Mulder",
        "2.1.3.b.3",
    ),
    (
        "GHZ-MET",
        AVGVAC,
        "vg_gedrag",
        "U4",
        "huisarts",
        "behandelaar=F. Mulder huisarts=A. Jansen consultatie=G. de Boer",
        "2.4.1.b",
    ),
    (
        "GHZ-MET",
        FD,
        "overlijden",
        "U3",
        "verzorgende",
        f"meldpunt={BOOG} behandelaar={HAP} achterwacht=F. Mulder",
        "2.1.3.b.3",
    ),
    # GHZ, verblijf zonder behandeling
    (
        "GHZ-ZONDER",
        DAY,
        "vg_gedrag",
        "U4",
        "verzorgende",
        f"meldpunt={BOOG} behandelaar=E. Smit huisarts=A. Jansen consultatie=G. de Boer",
        "2.4.1.b",
    ),
    (
        "GHZ-ZONDER",
        WKD,
        "psychisch_gedrag",
        "U3",
        "verzorgende",
        f"meldpunt={BOOG} behandelaar={HAP} achterwacht=F. Mulder",
        "2.3.2.3",
    ),
    (
        "GHZ-ZONDER",
        EVE,
        "somatisch_acuut",
        "U3",
        "verzorgende",
        f"meldpunt={BOOG} behandelaar={HAP} achterwacht=F. Mulder",
        "2.1.3.b.3",
    ),
    (
        "GHZ-ZONDER",
        AVGVAC,
        "somatisch_chronisch",
        "U4",
        "huisarts",
        "behandelaar=A. Jansen achterwacht=F. Mulder",
        "2.1.3.a",
    ),
    # GHZ at home (MPT)
    (
        "GHZ-MPT",
        DAY,
        "somatisch_chronisch",
        "U5",
        "avg",
        "behandelaar=A. Jansen achterwacht=E. Smit",
        "2.4.1.c",
    ),
    (
        "GHZ-MPT",
        FD,
        "multidomein",
        "U3",
        "hap_triagist",
        f"behandelaar={HAP} consultatie=F. Mulder",
        "2.4.1.b",
    ),
    (
        "GHZ-MPT",
        EVE,
        "vg_gedrag",
        "U3",
        "verzorgende",
        f"behandelaar=F. Mulder huisarts={HAP}",
        "2.1.4.c",
    ),
    # LG without and with a recorded intellectual disability
    (
        "LG",
        DAY,
        "vg_gedrag",
        "U4",
        "verzorgende",
        f"meldpunt={BOOG} behandelaar=A. Jansen consultatie=G. de Boer",
        "2.4.1.c",
    ),
    (
        "LG-VB",
        EVE,
        "vg_gedrag",
        "U2",
        "voorwacht",
        f"behandelaar=F. Mulder huisarts={HAP} consultatie={BOOG}",
        "2.4.4",
    ),
    # GGZ-W: GP care only; the residence has no voorwacht
    (
        "GGZ",
        DAY,
        "psychisch_gedrag",
        "U3",
        "verzorgende",
        "meldpunt=!2.3.2.3 behandelaar=A. Jansen",
        "2.3.2.3",
    ),
    (
        "GGZ",
        EVE,
        "somatisch_acuut",
        "U1",
        "hap_triagist",
        f"spoed=Ambulance (112) behandelaar={HAP}",
        "2.2.1",
    ),
]


@pytest.fixture(scope="module")
def snapshot():
    return world()


@pytest.fixture(scope="module")
def index(snapshot):
    return RouteIndex(snapshot, start=DAY - timedelta(days=3), weeks=6)


def chain(result) -> str:
    return " ".join(
        f"{step.role}=" + (f"!{step.gap}" if step.gap else str(step.name)) for step in result.steps
    )


def test_the_table_is_big_enough_and_covers_the_issue_clauses():
    assert len(SCENARIOS) >= 40
    exercised = {row[-1] for row in SCENARIOS}
    for clause in ("2.2.1", "2.1.3.b.1", "2.1.3.b.2", "2.1.3.b.3", "2.1.4.c", "2.1.4.d"):
        assert clause in exercised
    for clause in ("2.4.1.a", "2.4.1.b", "2.4.1.c", "2.4.4"):
        assert clause in exercised


@pytest.mark.parametrize(
    ("code", "moment", "question", "urgency", "caller", "expected", "clause"),
    SCENARIOS,
    ids=[f"{i:02d}-{row[0]}-{row[2]}-{row[3]}-{row[4]}" for i, row in enumerate(SCENARIOS)],
)
def test_scenario(snapshot, index, code, moment, question, urgency, caller, expected, clause):
    reference = route_reference(snapshot, code, moment, question, urgency, caller)
    assert chain(reference) == expected
    assert index.route(code, moment, question, urgency, caller) == reference
    cited = {c for step in reference.steps for c in step.clauses} | {g for g in reference.gaps}
    assert clause in cited | set(reference.clauses) or clause in str(reference.notes)


def test_the_hap_window_spans_the_weekend_and_koningsdag(snapshot, index):
    result = index.route("VV-ZONDER", WKD, "somatisch_acuut", "U3", "huisarts")
    hap = result.steps[0]
    assert hap.name == HAP
    assert hap.window_start_at.isoformat() == "2026-04-24T17:00:00+02:00"
    assert hap.window_end_at.isoformat() == "2026-04-28T08:00:00+02:00"  # Monday is Koningsdag
    assert result.holiday is None and result.kind == "anw"
    assert index.route("VV-ZONDER", FD, "somatisch_acuut", "U3", "huisarts").holiday == (
        "Koningsdag"
    )


def test_a_replacement_holds_for_the_practice_hours_and_a_gap_for_the_night(snapshot, index):
    day = index.route("VV-ZONDER", VAC, "somatisch_acuut", "U3", "huisarts")
    gp, so = day.steps
    assert (gp.name, gp.replaces, gp.phone) == ("B. de Vries", "A. Jansen", "050-2222222")
    assert gp.window_start_at.hour == 8 and gp.window_end_at.hour == 17
    assert so.gap == "2.1.3.a" and so.name is None and so.phone is None
    night = index.route("VV-THUIS", EVE, "somatisch_acuut", "U3", "huisarts")
    gap = night.steps[-1]
    assert gap.gap == "2.1.3.b.2"
    assert (gap.window_start_at.hour, gap.window_end_at.hour) == (17, 8)
    assert night.gaps == ("2.1.3.b.2",)
