"""2.2.6: the risk disappears for a patient whose fall-back on the GP is arranged."""

from __future__ import annotations

from mgz.core.grid import Grid
from mgz.core.rules import r_2_2_6
from mgz.core.rules.base import Selection
from tests.core.rules.builders import START, complete_region
from tests.core.rules.fixtures import FAILING


def _findings(world, extra=None):
    snapshot = world.snapshot(extra)
    return [
        f
        for f in r_2_2_6.check(snapshot, Selection.everything(Grid(START, 28)))
        if f.rule_id == "2.2.6"
    ]


def test_a_recorded_fallback_clears_the_risk_for_that_patient_only():
    world = complete_region()
    FAILING["2.2.6"](world)
    patient = world["p_linde"]
    assert [f.subject for f in _findings(world)] == [("patient", patient.id)]
    assert _findings(world, {"fallback_covered": frozenset({patient.id})}) == []
    assert [f.subject for f in _findings(world, {"fallback_covered": frozenset({-1})})] == [
        ("patient", patient.id)
    ]
