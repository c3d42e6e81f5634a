"""Vaste-huisarts assignment: known optimum, capacity, reach, ION continuity, explanations."""

from __future__ import annotations

import itertools

from mgz.core.planning.assign import (
    Assignment,
    AssignProblem,
    Location,
    Practice,
    assignment_cost,
    greedy_assignment,
    solve_assignment,
)
from mgz.core.planning.check import check_assignment


def _problem() -> AssignProblem:
    practices = (
        Practice("west", "Praktijk West", 0.0, 0.0, fte=1.0, wlz_per_fte=20),
        Practice("oost", "Praktijk Oost", 10.0, 0.0, fte=1.0, wlz_per_fte=20, current_wlz=5),
        Practice("ver", "Praktijk Ver", 40.0, 0.0, fte=2.0, wlz_per_fte=25),
    )
    locations = (
        Location("a", "De Linde", 1.0, 0.0, patients=12),
        Location("b", "Het Anker", 2.0, 0.0, patients=10),
        Location("c", "Zonnehof", 9.0, 0.0, patients=6, ion_practices=frozenset({"west"})),
        Location("d", "De Brink", 11.0, 0.0, patients=4),
    )
    return AssignProblem(practices, locations, max_distance_km=15.0)


def brute_force(problem: AssignProblem) -> int:
    best = None
    ids = [p.id for p in problem.practices]
    for choice in itertools.product(ids, repeat=len(problem.locations)):
        pairs = {loc.id: pid for loc, pid in zip(problem.locations, choice, strict=True)}
        trial = tuple(Assignment(lid, pid, 0.0, False, "") for lid, pid in pairs.items())
        if check_assignment(problem, trial).ok:
            cost = assignment_cost(problem, pairs)
            best = cost if best is None else min(best, cost)
    assert best is not None
    return best


def test_solver_reaches_the_brute_force_optimum():
    problem = _problem()
    result = solve_assignment(problem, time_limit=5, workers=1)
    check = check_assignment(problem, result.assignments)
    assert check.ok, check.violations
    assert result.status == "optimaal"
    assert result.objective == check.objective == brute_force(problem)


def test_capacity_and_reach_are_respected():
    problem = _problem()
    result = solve_assignment(problem, time_limit=5, workers=1)
    chosen = {a.location_id: a.practice_id for a in result.assignments}
    # West has room for 20: De Linde (12) and Het Anker (10) cannot both go there.
    assert not (chosen["a"] == "west" and chosen["b"] == "west")
    assert "ver" not in chosen.values()  # 30+ km away, beyond the 15 km limit
    assert all(0 <= u <= 1 for u in result.utilisation.values())


def test_each_assignment_is_explained_in_dutch():
    problem = _problem()
    result = solve_assignment(problem, time_limit=5, workers=1)
    for assignment in result.assignments:
        assert "krijgt Praktijk" in assignment.explanation
        assert "benut" in assignment.explanation
    ion = [a for a in result.assignments if a.ion]
    assert all("ION-relaties" in a.explanation for a in ion)


def test_greedy_baseline_is_checked_and_not_better_than_the_optimum():
    problem = _problem()
    greedy = greedy_assignment(problem)
    if greedy.status == "toegelaten":
        assert check_assignment(problem, greedy.assignments).ok
        assert greedy.objective >= brute_force(problem)
    else:
        assert greedy.unassigned


def test_checker_rejects_overfull_and_out_of_reach_assignments():
    problem = _problem()
    overfull = tuple(Assignment(loc.id, "west", 0.0, False, "") for loc in problem.locations)
    codes = {v.code for v in check_assignment(problem, overfull).violations}
    assert "toewijzing-capaciteit" in codes
    far = tuple(Assignment(loc.id, "ver", 0.0, False, "") for loc in problem.locations)
    codes = {v.code for v in check_assignment(problem, far).violations}
    assert "toewijzing-afstand" in codes
    codes = {v.code for v in check_assignment(problem, far[:2]).violations}
    assert "toewijzing-aantal" in codes


def test_no_reachable_practice_means_no_solution():
    problem = _problem()
    lonely = Location("z", "Verweg", 200.0, 200.0, patients=3)
    problem = AssignProblem(problem.practices, (*problem.locations, lonely))
    result = solve_assignment(problem, time_limit=2, workers=1)
    assert result.status == "geen oplossing"
    assert result.unassigned == ("z",)
