"""GAP: reader on a real OR-Library file, optimum on small instances, independent checker."""

from __future__ import annotations

import itertools

from hypothesis import given, settings
from hypothesis import strategies as st

from mgz.core.planning.check import check_gap
from mgz.core.planning.gap import (
    GapInstance,
    greedy_gap,
    read_gap,
    read_gap_references,
    solve_gap,
)
from mgz.shared_data import shared_dir

BENCH = shared_dir() / "benchmarks" / "gap"


def brute_force(instance: GapInstance) -> int | None:
    best = None
    for assignment in itertools.product(range(instance.agents), repeat=instance.items):
        if check_gap(instance, assignment).ok:
            cost = check_gap(instance, assignment).objective
            best = cost if best is None else min(best, cost)
    return best


def test_reader_reads_the_first_cattrysse_instance():
    instance = read_gap(BENCH / "cattrysse1994" / "gap1-0")
    assert (instance.agents, instance.items) == (5, 15)
    assert instance.capacities == (36, 34, 38, 27, 33)
    assert instance.costs[0][:3] == (17, 21, 22)
    assert instance.weights[0][:3] == (8, 15, 14)


def test_references_are_in_minimisation_form():
    references = read_gap_references(BENCH / "data.csv")
    assert references["cattrysse1994/gap1-0"].optimum == 261
    assert references["chu1997/d20200"].optimum is None
    assert references["chu1997/d20200"].best == 12244


def test_solver_reaches_the_known_optimum_of_gap1_0():
    instance = read_gap(BENCH / "cattrysse1994" / "gap1-0")
    solution = solve_gap(instance, time_limit=10, workers=1)
    assert solution.objective == 261
    assert solution.status == "optimaal"
    assert check_gap(instance, solution.assignment).ok
    assert check_gap(instance, solution.assignment).objective == 261


def test_greedy_baseline_is_feasible_and_not_better_than_the_optimum():
    instance = read_gap(BENCH / "cattrysse1994" / "gap1-0")
    greedy = greedy_gap(instance)
    result = check_gap(instance, greedy.assignment)
    assert result.ok
    assert result.objective == greedy.objective >= 261


def test_checker_rejects_an_agent_over_capacity():
    instance = GapInstance("klein", ((1, 1), (5, 5)), ((3, 3), (1, 1)), (4, 10))
    assert not check_gap(instance, (0, 0)).ok
    assert check_gap(instance, (0, 1)).ok


def test_checker_rejects_a_missing_item_and_an_unknown_agent():
    instance = GapInstance("klein", ((1, 1), (5, 5)), ((3, 3), (1, 1)), (4, 10))
    assert not check_gap(instance, (0,)).ok
    assert not check_gap(instance, (0, 2)).ok


@st.composite
def tiny_instances(draw):
    agents = draw(st.integers(2, 3))
    items = draw(st.integers(1, 6))
    costs = tuple(tuple(draw(st.integers(1, 30)) for _ in range(items)) for _ in range(agents))
    weights = tuple(tuple(draw(st.integers(1, 10)) for _ in range(items)) for _ in range(agents))
    capacities = tuple(draw(st.integers(5, 25)) for _ in range(agents))
    return GapInstance("hypothesis", costs, weights, capacities)


@settings(max_examples=25, deadline=None)
@given(tiny_instances())
def test_solver_matches_brute_force_on_tiny_instances(instance):
    optimum = brute_force(instance)
    solution = solve_gap(instance, time_limit=5, workers=1)
    if optimum is None:
        assert solution.status == "geen oplossing"
    else:
        assert check_gap(instance, solution.assignment).ok
        assert solution.objective == optimum
