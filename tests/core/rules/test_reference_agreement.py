"""The fast engine and the plain per-slot reference agree on random regions."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mgz.core.grid import Grid
from mgz.core.rules.engine import run_all
from tests.core.rules.builders import START, complete_region
from tests.core.rules.fixtures import FAILING
from tests.core.rules.random_world import random_world
from tests.core.rules.reference import reference_keys


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.integers(min_value=0, max_value=10**9))
def test_engine_agrees_with_the_reference_on_random_regions(seed):
    world, start, days = random_world(seed)
    snapshot = world.snapshot()
    engine = run_all(snapshot, Grid(start, days)).keys()
    assert engine == reference_keys(world.snapshot(), start, days)


def test_engine_agrees_with_the_reference_on_every_failing_fixture():
    for rule_id, breaks in FAILING.items():
        world = complete_region()
        breaks(world)
        engine = run_all(world.snapshot(), Grid(START, 7)).keys()
        assert engine == reference_keys(world.snapshot(), START, 7), rule_id
