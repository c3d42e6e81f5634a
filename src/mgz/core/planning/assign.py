"""Vaste-huisarts assignment: which GP practice serves which residential location.

Covenant 2.3.3.2.d/e: every location has one or more vaste huisartsen, and patients living
there without purchased treatment get a vaste huisarts through ION. The region proposes one
practice per location; this is a generalized assignment problem (`gap.py`) with extra terms.

Hard: every location gets exactly one practice; a practice takes no more Wlz patients than
its capacity (FTE × Wlz patients per FTE, minus the Wlz patients it already has); no practice
further than `max_distance_km`.

Objective (minimised): travel distance (per location, in 100 m), minus a bonus for a practice
that already has ION relations with the location's patients (continuity), plus a balance term
on the highest utilisation of any practice, so no practice is filled to the brim while another
stays empty.
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable
from dataclasses import dataclass, field

from ortools.sat.python import cp_model


@dataclass(frozen=True)
class Practice:
    id: str
    name: str
    x_km: float
    y_km: float
    fte: float
    wlz_per_fte: int = 25
    current_wlz: int = 0

    @property
    def capacity(self) -> int:
        """Wlz patients this practice can still take."""
        return max(0, math.floor(self.fte * self.wlz_per_fte) - self.current_wlz)


@dataclass(frozen=True)
class Location:
    id: str
    name: str
    x_km: float
    y_km: float
    patients: int  # Wlz patients without purchased treatment who need a vaste huisarts
    ion_practices: frozenset[str] = frozenset()  # practices with existing ION relations here


@dataclass(frozen=True)
class AssignWeights:
    per_100m: int = 1
    ion_bonus: int = 40  # worth 4 km of travel
    balance: int = 10  # per percentage point of the highest utilisation


@dataclass(frozen=True)
class AssignProblem:
    practices: tuple[Practice, ...]
    locations: tuple[Location, ...]
    max_distance_km: float = 15.0
    weights: AssignWeights = field(default_factory=AssignWeights)


@dataclass(frozen=True)
class Assignment:
    location_id: str
    practice_id: str
    distance_km: float
    ion: bool
    explanation: str  # Dutch


@dataclass(frozen=True)
class AssignResult:
    assignments: tuple[Assignment, ...]
    unassigned: tuple[str, ...]
    objective: int
    bound: float | None
    status: str  # "optimaal", "toegelaten", "geen oplossing"
    seconds: float
    solver: str
    utilisation: dict[str, float] = field(default_factory=dict)  # practice id -> 0..1


def distance_km(practice: Practice, location: Location) -> float:
    return math.hypot(practice.x_km - location.x_km, practice.y_km - location.y_km)


def pair_cost(problem: AssignProblem, practice: Practice, location: Location) -> int:
    """Distance in 100 m, minus the ION bonus: the per-pair part of the objective."""
    cost = round(distance_km(practice, location) * 10) * problem.weights.per_100m
    if practice.id in location.ion_practices:
        cost -= problem.weights.ion_bonus
    return cost


def _allowed(problem: AssignProblem, practice: Practice, location: Location) -> bool:
    return (
        distance_km(practice, location) <= problem.max_distance_km
        and location.patients <= practice.capacity
    )


def solve_assignment(
    problem: AssignProblem,
    *,
    time_limit: float = 10.0,
    workers: int = 2,
    seed: int = 0,
    on_solution: Callable[[float, int], None] | None = None,
) -> AssignResult:
    """Least distance and best continuity with balanced practices, by CP-SAT.

    `on_solution(seconds, objective)` is called for every improving solution, so a background
    job can show progress.
    """
    started = time.perf_counter()
    model = cp_model.CpModel()
    x: dict[tuple[int, int], cp_model.IntVar] = {}
    for i, practice in enumerate(problem.practices):
        for j, location in enumerate(problem.locations):
            if _allowed(problem, practice, location):
                x[i, j] = model.new_bool_var(f"x{i}_{j}")
    for j in range(len(problem.locations)):
        options = [x[i, j] for i in range(len(problem.practices)) if (i, j) in x]
        if not options:
            return AssignResult(
                (), (problem.locations[j].id,), 0, None, "geen oplossing", _since(started), "cp-sat"
            )
        model.add_exactly_one(options)
    peak = model.new_int_var(0, 100, "peak")
    for i, practice in enumerate(problem.practices):
        terms = [
            problem.locations[j].patients * x[i, j]
            for j in range(len(problem.locations))
            if (i, j) in x
        ]
        if not terms:
            continue
        load = sum(terms)
        model.add(load <= practice.capacity)
        # peak ≥ 100 × load / capacity, kept integral.
        model.add(100 * load <= peak * practice.capacity)
    model.minimize(
        sum(
            pair_cost(problem, problem.practices[i], problem.locations[j]) * var
            for (i, j), var in x.items()
        )
        + problem.weights.balance * peak
    )
    greedy = greedy_assignment(problem)
    chosen = {(a.practice_id, a.location_id) for a in greedy.assignments}
    for (i, j), var in x.items():
        model.add_hint(var, (problem.practices[i].id, problem.locations[j].id) in chosen)
    solver = cp_model.CpSolver()
    solver.parameters.max_time_in_seconds = time_limit
    solver.parameters.num_workers = workers
    solver.parameters.random_seed = seed
    if on_solution is None:
        status = solver.solve(model)
    else:
        status = solver.solve(model, _Progress(started, on_solution))
    if status not in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        return AssignResult((), (), 0, None, "geen oplossing", _since(started), "cp-sat")
    pairs = {
        problem.locations[j].id: problem.practices[i].id
        for (i, j), var in x.items()
        if solver.value(var)
    }
    return _result(
        problem,
        pairs,
        round(solver.objective_value),
        solver.best_objective_bound,
        "optimaal" if status == cp_model.OPTIMAL else "toegelaten",
        _since(started),
        "cp-sat",
    )


class _Progress(cp_model.CpSolverSolutionCallback):
    def __init__(self, started: float, report: Callable[[float, int], None]):
        super().__init__()
        self.started = started
        self.report = report

    def on_solution_callback(self) -> None:
        self.report(time.perf_counter() - self.started, round(self.objective_value))


def greedy_assignment(problem: AssignProblem) -> AssignResult:
    """Largest locations first, each to the cheapest practice that still has room."""
    started = time.perf_counter()
    free = {p.id: p.capacity for p in problem.practices}
    pairs: dict[str, str] = {}
    unassigned = []
    for location in sorted(problem.locations, key=lambda loc: -loc.patients):
        options = [
            p
            for p in problem.practices
            if distance_km(p, location) <= problem.max_distance_km
            and location.patients <= free[p.id]
        ]
        if not options:
            unassigned.append(location.id)
            continue
        best = min(options, key=lambda p: pair_cost(problem, p, location))
        pairs[location.id] = best.id
        free[best.id] -= location.patients
    result = _result(
        problem, pairs, assignment_cost(problem, pairs), None, "toegelaten", 0.0, "greedy"
    )
    return AssignResult(
        result.assignments,
        tuple(unassigned),
        result.objective,
        None,
        "geen oplossing" if unassigned else "toegelaten",
        _since(started),
        "greedy",
        result.utilisation,
    )


def assignment_cost(problem: AssignProblem, pairs: dict[str, str]) -> int:
    """The objective of an assignment (location id -> practice id)."""
    practices = {p.id: p for p in problem.practices}
    locations = {loc.id: loc for loc in problem.locations}
    cost = sum(pair_cost(problem, practices[pid], locations[lid]) for lid, pid in pairs.items())
    load = dict.fromkeys(practices, 0)
    for lid, pid in pairs.items():
        load[pid] += locations[lid].patients
    peak = max(
        (
            math.ceil(100 * load[pid] / practices[pid].capacity)
            for pid in practices
            if practices[pid].capacity > 0
        ),
        default=0,
    )
    return cost + problem.weights.balance * peak


def _result(
    problem: AssignProblem,
    pairs: dict[str, str],
    objective: int,
    bound: float | None,
    status: str,
    seconds: float,
    solver: str,
) -> AssignResult:
    practices = {p.id: p for p in problem.practices}
    load = dict.fromkeys(practices, 0)
    for location in problem.locations:
        if location.id in pairs:
            load[pairs[location.id]] += location.patients
    utilisation = {
        pid: (load[pid] / p.capacity if p.capacity else 0.0) for pid, p in practices.items()
    }
    assignments = []
    for location in problem.locations:
        if location.id not in pairs:
            continue
        practice = practices[pairs[location.id]]
        assignments.append(
            Assignment(
                location.id,
                practice.id,
                round(distance_km(practice, location), 1),
                practice.id in location.ion_practices,
                _explain(problem, location, practice, load, utilisation),
            )
        )
    return AssignResult(
        tuple(assignments),
        tuple(loc.id for loc in problem.locations if loc.id not in pairs),
        objective,
        bound,
        status,
        seconds,
        solver,
        utilisation,
    )


def _explain(
    problem: AssignProblem,
    location: Location,
    practice: Practice,
    load: dict[str, int],
    utilisation: dict[str, float],
) -> str:
    """Why this practice: distance, ION, capacity, and why the nearest one was not chosen."""
    distance = distance_km(practice, location)
    parts = [
        f"{location.name} ({location.patients} Wlz-cliënten) krijgt {practice.name} als vaste "
        f"huisarts: {distance:.1f} km".replace(".", ",")
    ]
    if practice.id in location.ion_practices:
        parts.append("er zijn al ION-relaties met deze praktijk (continuïteit)")
    parts.append(
        f"de praktijk is daarna voor {round(100 * utilisation[practice.id])}% benut "
        f"({load[practice.id]} van {practice.capacity} plaatsen)"
    )
    nearest = min(problem.practices, key=lambda p: distance_km(p, location))
    if nearest.id != practice.id:
        reason = (
            "heeft niet genoeg ruimte"
            if location.patients > nearest.capacity - load[nearest.id]
            else "zou de verdeling over de praktijken schever maken"
        )
        if practice.id in location.ion_practices and nearest.id not in location.ion_practices:
            reason = "heeft geen bestaande ION-relaties met deze locatie"
        parts.append(
            f"de dichterbij gelegen {nearest.name} "
            f"({distance_km(nearest, location):.1f} km) {reason}".replace(".", ",")
        )
    return "; ".join(parts) + "."


def _since(started: float) -> float:
    return time.perf_counter() - started
