"""Curtois & Qu: reader on a real file, the known optimum of Instance1, brute force, checker."""

from __future__ import annotations

import itertools

import pytest

from mgz.core.planning.check import check_nrp
from mgz.core.planning.nrp import (
    NrpCover,
    NrpInstance,
    NrpRequest,
    NrpShift,
    NrpStaff,
    greedy_nrp,
    nrp_objective,
    read_nrp,
    solve_nrp,
)
from mgz.shared_data import shared_dir

BENCH = shared_dir() / "benchmarks" / "nrp"


def test_reader_reads_instance1():
    instance = read_nrp(BENCH / "Instance1.txt")
    assert instance.horizon == 14
    assert [s.id for s in instance.shifts] == ["D"]
    assert instance.shifts[0].minutes == 480
    assert len(instance.staff) == 8
    first = instance.staff[0]
    assert (first.id, first.max_shifts, first.max_minutes, first.min_minutes) == (
        "A",
        {"D": 14},
        4320,
        3360,
    )
    assert (first.max_consecutive, first.min_consecutive, first.min_days_off) == (5, 2, 2)
    assert first.max_weekends == 1
    assert instance.days_off["A"] == frozenset({0})
    assert NrpRequest("A", 2, "D", 2) in instance.on_requests
    assert NrpRequest("F", 8, "D", 3) in instance.off_requests
    assert NrpCover(0, "D", 5, 100, 1) in instance.cover


def test_reader_reads_forbidden_successions():
    instance = read_nrp(BENCH / "Instance10.txt")
    assert instance.shift("N").forbidden_next == frozenset({"E", "d1", "d2", "L"})
    assert instance.shift("E").forbidden_next == frozenset()


@pytest.fixture(scope="module")
def instance1():
    instance = read_nrp(BENCH / "Instance1.txt")
    return instance, solve_nrp(instance, time_limit=20, workers=1)


def test_solver_reaches_the_optimum_of_instance1(instance1):
    instance, solution = instance1
    check = check_nrp(instance, solution.roster)
    assert check.ok, check.violations
    assert solution.objective == check.objective == 607  # best known, proven optimal


def _tiny() -> NrpInstance:
    """2 nurses, 7 days, a day and a night shift; small enough to enumerate."""
    staff = tuple(
        NrpStaff(name, {"D": 7, "N": 2}, 5 * 480, 2 * 480, 3, 2, 1, 1) for name in ("A", "B")
    )
    return NrpInstance(
        "klein",
        7,
        (NrpShift("D", 480, frozenset()), NrpShift("N", 480, frozenset({"D"}))),
        staff,
        {"A": frozenset({3})},
        (NrpRequest("A", 0, "N", 3), NrpRequest("B", 5, "D", 2)),
        (NrpRequest("B", 1, "D", 4),),
        tuple(NrpCover(d, "D", 1, 10, 1) for d in range(7))
        + tuple(NrpCover(d, "N", 1 if d % 2 else 0, 5, 1) for d in range(7)),
    )


def test_solver_matches_brute_force_on_a_tiny_instance():
    instance = _tiny()
    options = [None, "D", "N"]
    best = None
    rows = list(itertools.product(options, repeat=instance.horizon))
    feasible_rows = {
        person.id: [
            row
            for row in rows
            if check_nrp(
                NrpInstance(
                    "een",
                    instance.horizon,
                    instance.shifts,
                    (person,),
                    instance.days_off,
                    (),
                    (),
                    (),
                ),
                (row,),
            ).ok
        ]
        for person in instance.staff
    }
    for a in feasible_rows["A"]:
        for b in feasible_rows["B"]:
            value = nrp_objective(instance, (a, b))
            best = value if best is None else min(best, value)
    solution = solve_nrp(instance, time_limit=10, workers=1)
    assert check_nrp(instance, solution.roster).ok
    assert solution.status == "optimaal"
    assert solution.objective == best


def test_checker_rejects_a_shift_on_a_day_off(instance1):
    instance, solution = instance1
    broken = [list(row) for row in solution.roster]
    broken[0][0] = "D"  # A has day 0 off
    codes = {v.code for v in check_nrp(instance, tuple(map(tuple, broken))).violations}
    assert "nrp-vrij" in codes


def test_checker_rejects_short_runs_and_forbidden_successions():
    instance = _tiny()
    roster = (
        (None, "D", None, None, "D", "D", None),  # one-day run inside the horizon
        ("N", "D", "D", None, None, None, None),  # N followed by D is forbidden
    )
    codes = {v.code for v in check_nrp(instance, roster).violations}
    assert {"nrp-min-reeks", "nrp-opvolging"} <= codes


def test_checker_allows_short_runs_at_the_edges_of_the_horizon():
    instance = _tiny()
    roster = (
        ("D", None, None, None, "D", "D", "D"),
        (None, None, None, None, None, None, "D"),
    )
    codes = {v.code for v in check_nrp(instance, roster).violations}
    assert "nrp-min-reeks" not in codes
    assert "nrp-min-vrij" not in codes


def test_greedy_returns_a_full_roster_with_the_checker_objective():
    instance = read_nrp(BENCH / "Instance1.txt")
    greedy = greedy_nrp(instance)
    assert len(greedy.roster) == 8
    assert check_nrp(instance, greedy.roster).objective == greedy.objective


def test_reported_objective_is_the_true_penalty_when_stopped_early():
    # Regression: under- and over-cover slack could both be positive in a solution that was
    # not yet optimal, so the reported objective overstated the penalty (seen on Instance13).
    instance = read_nrp(BENCH / "Instance2.txt")
    solution = solve_nrp(instance, time_limit=2, workers=1)
    assert solution.roster, "no roster within the time limit"
    check = check_nrp(instance, solution.roster)
    assert check.ok, check.violations
    assert solution.objective == check.objective
