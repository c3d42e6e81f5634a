"""The Generalized Assignment Problem (GAP): reader, CP-SAT model and greedy baseline.

Vaste-huisarts assignment (`assign.py`) is a GAP with extra terms, so the plain GAP is the
part we can measure against public instances (OR-Library format, see
../shared/benchmarks/gap). Everything here is in *minimisation* form: the benchmark files
hold costs and `data.csv` lists the optimum as the least total cost.
"""

from __future__ import annotations

import csv
import random
import time
from dataclasses import dataclass
from pathlib import Path

from ortools.sat.python import cp_model


@dataclass(frozen=True)
class GapInstance:
    """m agents, n items; `costs[i][j]`/`weights[i][j]` of item j at agent i."""

    name: str
    costs: tuple[tuple[int, ...], ...]
    weights: tuple[tuple[int, ...], ...]
    capacities: tuple[int, ...]

    @property
    def agents(self) -> int:
        return len(self.capacities)

    @property
    def items(self) -> int:
        return len(self.costs[0]) if self.costs else 0


@dataclass(frozen=True)
class GapSolution:
    """`assignment[j]` is the agent of item j. `bound` is a proven lower bound when known."""

    assignment: tuple[int, ...]
    objective: int
    bound: float | None
    status: str  # "optimaal", "toegelaten" (feasible), "geen oplossing"
    seconds: float
    solver: str


@dataclass(frozen=True)
class GapReference:
    bound: int | None
    optimum: int | None
    best: int | None


def read_gap(path: str | Path, name: str | None = None) -> GapInstance:
    """Read an OR-Library GAP file: `m n`, m×n costs, m×n weights, m capacities."""
    path = Path(path)
    numbers = [int(token) for token in path.read_text().split()]
    m, n = numbers[0], numbers[1]
    expected = 2 + 2 * m * n + m
    if len(numbers) < expected:
        raise ValueError(f"{path}: {len(numbers)} getallen, verwacht {expected}")
    cursor = 2
    costs = []
    for _ in range(m):
        costs.append(tuple(numbers[cursor : cursor + n]))
        cursor += n
    weights = []
    for _ in range(m):
        weights.append(tuple(numbers[cursor : cursor + n]))
        cursor += n
    capacities = tuple(numbers[cursor : cursor + m])
    return GapInstance(name or path.name, tuple(costs), tuple(weights), capacities)


def read_gap_references(path: str | Path) -> dict[str, GapReference]:
    """The `data.csv` beside the instances: bound, optimum, best known (minimisation)."""

    def number(text: str) -> int | None:
        text = text.strip()
        return int(float(text)) if text else None

    with Path(path).open(newline="") as handle:
        return {
            row["Path"]: GapReference(
                number(row["Best known bound"]),
                number(row["Optimum"]),
                number(row["Best known solution value"]),
            )
            for row in csv.DictReader(handle)
        }


def solve_gap(
    instance: GapInstance,
    *,
    time_limit: float = 10.0,
    workers: int = 2,
    hint: tuple[int, ...] | None = None,
    seed: int = 0,
    full_share: float = 0.35,
    lns_share: float = 0.4,
) -> GapSolution:
    """Minimise total cost with CP-SAT, then tighten the proof with a Lagrangian bound.

    (1) CP-SAT on the full model (one boolean per feasible (agent, item) pair), started from
    the greedy solution. (1b) A large neighbourhood search: pick a few agents, free every item
    they hold, and let CP-SAT re-solve that small GAP exactly; with only two cores this finds
    better solutions than CP-SAT's own single LNS thread. (2) If not yet proved optimal, the
    Lagrangian relaxation (`lagrange.py`) gives a bound that is often strong enough to prove
    the incumbent optimal, and drops every pair that cannot be in a cheaper solution.
    (3) CP-SAT spends the rest of the time on that much smaller exact model.
    """
    from mgz.core.planning.lagrange import forced_bounds, lagrange_bound

    started = time.perf_counter()
    deadline = started + time_limit
    incumbent = hint if hint and is_feasible_gap(instance, hint) else None
    if incumbent is None:
        incumbent = greedy_gap(instance).assignment or None
    first = _cp_sat(instance, None, incumbent, time_limit * full_share, workers, seed)
    if first is None:
        if incumbent is None:
            return GapSolution((), 0, None, "geen oplossing", _since(started), "cp-sat")
        bound = 0.0
    else:
        if first[2]:
            return GapSolution(first[0], first[1], first[1], "optimaal", _since(started), "cp-sat")
        if incumbent is None or first[1] <= _cost(instance, incumbent):
            incumbent = first[0]
        bound = first[3]
    if lns_share > 0 and instance.agents > 2:
        lns_deadline = started + time_limit * (full_share + lns_share)
        incumbent = _agent_lns(instance, incumbent, lns_deadline, workers, seed)
    upper = _cost(instance, incumbent)
    remaining = deadline - time.perf_counter()
    lagrange = lagrange_bound(instance, upper=upper, time_limit=max(0.2, remaining / 2))
    bound = max(bound, lagrange.bound)
    if bound > upper - 1 + 1e-6:
        return GapSolution(incumbent, upper, upper, "optimaal", _since(started), "cp-sat")
    forced = forced_bounds(instance, lagrange.multipliers, deadline=deadline - 0.5)
    if forced is None:
        return GapSolution(incumbent, upper, bound, "toegelaten", _since(started), "cp-sat")
    # Every solution cheaper than the incumbent uses only pairs in `keep`.
    keep = {pair for pair, value in forced.items() if value <= upper - 1 + 1e-6}
    keep.update((incumbent[j], j) for j in range(instance.items))
    result = _cp_sat(
        instance, keep, incumbent, max(0.2, deadline - time.perf_counter()), workers, seed
    )
    if result is not None:
        assignment, objective, optimal, reduced_bound = result
        if objective <= upper:
            incumbent, upper = assignment, objective
        if optimal:
            return GapSolution(incumbent, upper, upper, "optimaal", _since(started), "cp-sat")
        bound = max(bound, min(reduced_bound, upper))
    return GapSolution(incumbent, upper, bound, "toegelaten", _since(started), "cp-sat")


def _agent_lns(
    instance: GapInstance,
    incumbent: tuple[int, ...],
    deadline: float,
    workers: int,
    seed: int,
) -> tuple[int, ...]:
    """Re-optimise the items of `size` random agents among those agents, repeatedly.

    The size grows after a sub-problem is solved to optimality and shrinks after a time-out.
    """
    rng = random.Random(seed)
    current = list(incumbent)
    size = 3
    while time.perf_counter() < deadline - 0.05:
        agents = sorted(rng.sample(range(instance.agents), min(size, instance.agents)))
        items = [j for j in range(instance.items) if current[j] in agents]
        if not items:
            continue
        sub = GapInstance(
            "lns",
            tuple(tuple(instance.costs[a][j] for j in items) for a in agents),
            tuple(tuple(instance.weights[a][j] for j in items) for a in agents),
            tuple(instance.capacities[a] for a in agents),
        )
        hint = tuple(agents.index(current[j]) for j in items)
        limit = min(1.0, deadline - time.perf_counter())
        if limit <= 0.05:
            break
        result = _cp_sat(sub, None, hint, limit, workers, rng.randrange(1 << 20))
        if result is not None:
            assignment, objective, optimal, _ = result
            if objective < _cost(sub, hint):
                for position, j in enumerate(items):
                    current[j] = agents[assignment[position]]
            size = min(instance.agents, size + 1) if optimal else max(2, size - 1)
        else:
            size = max(2, size - 1)
    return tuple(current)


def is_feasible_gap(instance: GapInstance, assignment: tuple[int, ...]) -> bool:
    """Cheap feasibility test for hints; the independent checker lives in `check.py`."""
    if len(assignment) != instance.items:
        return False
    load = [0] * instance.agents
    for j, i in enumerate(assignment):
        if not 0 <= i < instance.agents:
            return False
        load[i] += instance.weights[i][j]
    return all(load[i] <= instance.capacities[i] for i in range(instance.agents))


def _cost(instance: GapInstance, assignment: tuple[int, ...]) -> int:
    return sum(instance.costs[i][j] for j, i in enumerate(assignment))


def _cp_sat(
    instance: GapInstance,
    keep: set[tuple[int, int]] | None,
    hint: tuple[int, ...] | None,
    time_limit: float,
    workers: int,
    seed: int,
) -> tuple[tuple[int, ...], int, bool, float] | None:
    """(assignment, objective, proven optimal, bound) or None when nothing was found."""
    model = cp_model.CpModel()
    x: dict[tuple[int, int], cp_model.IntVar] = {}
    for i in range(instance.agents):
        for j in range(instance.items):
            if instance.weights[i][j] <= instance.capacities[i] and (
                keep is None or (i, j) in keep
            ):
                x[i, j] = model.new_bool_var(f"x{i}_{j}")
    for j in range(instance.items):
        options = [x[i, j] for i in range(instance.agents) if (i, j) in x]
        if not options:
            return None
        model.add_exactly_one(options)
    for i in range(instance.agents):
        model.add(
            sum(instance.weights[i][j] * x[i, j] for j in range(instance.items) if (i, j) in x)
            <= instance.capacities[i]
        )
    model.minimize(sum(instance.costs[i][j] * var for (i, j), var in x.items()))
    if hint is not None:
        for (i, j), var in x.items():
            model.add_hint(var, hint[j] == i)
    solver = cp_model.CpSolver()
    solver.parameters.max_time_in_seconds = max(0.05, time_limit)
    solver.parameters.num_workers = workers
    solver.parameters.random_seed = seed
    status = solver.solve(model)
    if status not in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        return None
    assignment = tuple(
        next(i for i in range(instance.agents) if (i, j) in x and solver.value(x[i, j]))
        for j in range(instance.items)
    )
    return (
        assignment,
        round(solver.objective_value),
        status == cp_model.OPTIMAL,
        solver.best_objective_bound,
    )


def greedy_gap(instance: GapInstance) -> GapSolution:
    """Regret heuristic (Martello & Toth) with several desirability measures, then local search.

    Repeatedly place the item whose best and second-best feasible agents differ most in
    desirability, so items with one good option are placed before that option fills up. Cost
    alone often runs out of room on tight instances, so the weight-based measures are tried
    too and the cheapest feasible result is kept. Status "geen oplossing" when none fits.
    """
    started = time.perf_counter()
    best: list[int] | None = None
    best_cost = 0
    measures = (
        lambda i, j: instance.costs[i][j],
        lambda i, j: instance.weights[i][j] / instance.capacities[i],
        lambda i, j: instance.weights[i][j],
        lambda i, j: instance.costs[i][j] * instance.weights[i][j] / instance.capacities[i],
    )
    for measure in measures:
        agent_of = _regret(instance, measure)
        if agent_of is None:
            continue
        free = list(instance.capacities)
        for j, i in enumerate(agent_of):
            free[i] -= instance.weights[i][j]
        _improve(instance, agent_of, free)
        cost = sum(instance.costs[i][j] for j, i in enumerate(agent_of))
        if best is None or cost < best_cost:
            best, best_cost = agent_of, cost
    if best is None:
        return GapSolution((), 0, None, "geen oplossing", _since(started), "greedy")
    return GapSolution(tuple(best), best_cost, None, "toegelaten", _since(started), "greedy")


def _regret(instance: GapInstance, measure) -> list[int] | None:
    """One regret pass; vectorised over agents and items so 80 × 1600 stays around a second."""
    import numpy as np

    m, n = instance.agents, instance.items
    weights = np.asarray(instance.weights)
    table = np.array([[measure(i, j) for j in range(n)] for i in range(m)], dtype=float)
    free = np.asarray(instance.capacities, dtype=float).copy()
    agent_of = [-1] * n
    open_items = np.ones(n, dtype=bool)
    columns = np.arange(n)
    for _ in range(n):
        fits = weights <= free[:, None]
        masked = np.where(fits, table, np.inf)
        if m >= 2:
            two = np.partition(masked, 1, axis=0)[:2]
            first, second = two[0], two[1]
        else:
            first, second = masked[0], np.full(n, np.inf)
        candidates = open_items & np.isfinite(first)
        if not np.array_equal(candidates, open_items):
            return None  # an open item fits nowhere any more
        with np.errstate(invalid="ignore"):
            regret = np.where(np.isfinite(second), second - first, np.inf)
        regret = np.where(open_items, regret, -1.0)
        j = int(columns[np.argmax(regret)])
        i = int(np.argmin(masked[:, j]))
        agent_of[j] = i
        free[i] -= weights[i, j]
        open_items[j] = False
    return agent_of


def _improve(instance: GapInstance, agent_of: list[int], free: list[int]) -> None:
    """First-improvement local search over single-item shifts and pairwise swaps."""
    m, n = instance.agents, instance.items
    costs, weights = instance.costs, instance.weights
    improved = True
    while improved:
        improved = False
        for j in range(n):
            a = agent_of[j]
            for b in range(m):
                if b != a and weights[b][j] <= free[b] and costs[b][j] < costs[a][j]:
                    free[a] += weights[a][j]
                    free[b] -= weights[b][j]
                    agent_of[j] = a = b
                    improved = True
        if n > 400:
            continue  # pairwise swaps are O(n²) per pass; shifts only on large instances
        for j in range(n):
            for k in range(j + 1, n):
                a, b = agent_of[j], agent_of[k]
                if a == b:
                    continue
                delta = costs[b][j] + costs[a][k] - costs[a][j] - costs[b][k]
                if (
                    delta < 0
                    and free[a] + weights[a][j] - weights[a][k] >= 0
                    and free[b] + weights[b][k] - weights[b][j] >= 0
                ):
                    free[a] += weights[a][j] - weights[a][k]
                    free[b] += weights[b][k] - weights[b][j]
                    agent_of[j], agent_of[k] = b, a
                    improved = True


def _since(started: float) -> float:
    return time.perf_counter() - started
