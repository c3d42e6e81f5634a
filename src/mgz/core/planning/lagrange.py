"""Lagrangian bound for the GAP and the variable fixing it allows.

Why: CP-SAT finds good GAP solutions fast but proves optimality slowly on the tight
Chu–Beasley type c instances. Relaxing "every item exactly once" with multipliers leaves one
0-1 knapsack per agent; its optimum is a bound at least as strong as the LP relaxation, and
forcing a single pair into its knapsack shows how much that pair would cost at least. Pairs that
cannot be part of a solution better than the incumbent are dropped before CP-SAT runs.
"""

from __future__ import annotations

import time
from dataclasses import dataclass

import numpy as np

from mgz.core.planning.gap import GapInstance


@dataclass(frozen=True)
class LagrangeBound:
    bound: float
    multipliers: tuple[float, ...]


def lagrange_bound(
    instance: GapInstance,
    *,
    upper: float,
    start: tuple[float, ...] | None = None,
    iterations: int = 300,
    time_limit: float = 2.0,
) -> LagrangeBound:
    """Subgradient optimisation of the assignment-relaxed Lagrangian (Held–Karp step rule)."""
    started = time.perf_counter()
    costs = np.asarray(instance.costs, dtype=float)
    u = np.asarray(start, dtype=float) if start is not None else costs.min(axis=0).copy()
    best_u, best = u.copy(), -np.inf
    step = 2.0
    stall = 0
    for _ in range(iterations):
        value, chosen = _evaluate(instance, costs, u)
        if value > best + 1e-9:
            best, best_u, stall = value, u.copy(), 0
        else:
            stall += 1
            if stall >= 15:
                step, stall = step / 2, 0
        # Subgradient: 1 - (how often item j is taken) for every item.
        gradient = 1.0 - chosen.sum(axis=0)
        norm = float((gradient**2).sum())
        if norm == 0 or step < 1e-4 or upper - best < 1 - 1e-9:
            break
        if time.perf_counter() - started > time_limit:
            break
        u = u + step * (upper - value) / norm * gradient
    return LagrangeBound(float(best), tuple(float(x) for x in best_u))


def forced_bounds(
    instance: GapInstance, multipliers: tuple[float, ...], *, deadline: float | None = None
) -> dict[tuple[int, int], float] | None:
    """For every pair (agent, item): the Lagrangian bound when that pair is forced in.

    Any solution that uses the pair costs at least this much, so pairs whose forced bound
    exceeds the incumbent's cost can be dropped. Tables are built one agent at a time to keep
    memory small on the large Yagiura instances; None when `deadline` passes first.
    """
    costs = np.asarray(instance.costs, dtype=float)
    u = np.asarray(multipliers, dtype=float)
    m, n = costs.shape
    values = [
        _knapsack(u - costs[i], instance.weights[i], instance.capacities[i])[0] for i in range(m)
    ]
    total = float(u.sum() - sum(values))
    result: dict[tuple[int, int], float] = {}
    for i in range(m):
        if deadline is not None and time.perf_counter() > deadline:
            return None
        profit = u - costs[i]
        capacity = instance.capacities[i]
        prefix, suffix = _tables(profit, instance.weights[i], capacity)
        for j in range(n):
            weight = instance.weights[i][j]
            if weight > capacity:
                continue
            room = capacity - weight
            forced = profit[j] + float(np.max(prefix[j][: room + 1] + suffix[j + 1][room::-1]))
            result[i, j] = total + values[i] - forced
    return result


def _evaluate(instance: GapInstance, costs: np.ndarray, u: np.ndarray) -> tuple[float, np.ndarray]:
    """L(u) and the chosen pairs of each agent's knapsack."""
    m, n = costs.shape
    chosen = np.zeros((m, n))
    total = float(u.sum())
    for i in range(m):
        profit = u - costs[i]
        value, picked = _knapsack(profit, instance.weights[i], instance.capacities[i])
        total -= value
        chosen[i, picked] = 1.0
    return total, chosen


def _knapsack(profit: np.ndarray, weights: tuple[int, ...], capacity: int) -> tuple[float, list]:
    """0-1 knapsack over the items with positive profit, by dynamic programming."""
    items = [j for j in range(len(profit)) if profit[j] > 0 and weights[j] <= capacity]
    best = np.zeros(capacity + 1)
    took = np.zeros((len(items), capacity + 1), dtype=bool)
    for k, j in enumerate(items):
        w = weights[j]
        candidate = best[: capacity + 1 - w] + profit[j]
        better = candidate > best[w:]
        took[k, w:] = better
        best[w:] = np.where(better, candidate, best[w:])
    picked = []
    room = capacity
    for k in range(len(items) - 1, -1, -1):
        if took[k, room]:
            picked.append(items[k])
            room -= weights[items[k]]
    return float(best[capacity]), picked


def _tables(
    profit: np.ndarray, weights: tuple[int, ...], capacity: int
) -> tuple[list[np.ndarray], list[np.ndarray]]:
    """prefix[j][c]: best value of items < j within c; suffix[j][c]: of items ≥ j."""
    n = len(profit)
    prefix = [np.zeros(capacity + 1)]
    for j in range(n):
        row = prefix[-1].copy()
        w = weights[j]
        if profit[j] > 0 and w <= capacity:
            row[w:] = np.maximum(row[w:], prefix[-1][: capacity + 1 - w] + profit[j])
        prefix.append(row)
    suffix = [np.zeros(capacity + 1)] * (n + 1)
    suffix[n] = np.zeros(capacity + 1)
    for j in range(n - 1, -1, -1):
        row = suffix[j + 1].copy()
        w = weights[j]
        if profit[j] > 0 and w <= capacity:
            row[w:] = np.maximum(row[w:], suffix[j + 1][: capacity + 1 - w] + profit[j])
        suffix[j] = row
    return prefix, suffix
