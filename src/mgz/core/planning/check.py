"""Independent checkers: every hard constraint of every returned solution, recomputed.

Why a separate module: a solver that models a rule wrongly would also verify it wrongly if
the check reused its code. These functions import only the input dataclasses and count
everything again from the raw instance, in the plainest way (runs are found by scanning, not
by windows; costs are summed directly). Tests and the benchmark fail on any violation.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from mgz.core.planning.gap import GapInstance
from mgz.core.planning.nrp import NrpInstance


@dataclass(frozen=True)
class Violation:
    """A broken hard constraint: a stable code and a Dutch explanation."""

    code: str
    message: str


@dataclass(frozen=True)
class CheckResult:
    violations: tuple[Violation, ...]
    objective: int

    @property
    def ok(self) -> bool:
        return not self.violations


# --- GAP -------------------------------------------------------------------------------------


def check_gap(instance: GapInstance, assignment: tuple[int, ...]) -> CheckResult:
    """Every item assigned to exactly one existing agent; no agent over its capacity."""
    problems: list[Violation] = []
    if len(assignment) != instance.items:
        problems.append(
            Violation(
                "gap-aantal",
                f"{len(assignment)} items toegewezen, verwacht {instance.items}",
            )
        )
        return CheckResult(tuple(problems), 0)
    load = [0] * instance.agents
    cost = 0
    for item, agent in enumerate(assignment):
        if not isinstance(agent, int) or agent < 0 or agent >= instance.agents:
            problems.append(Violation("gap-agent", f"item {item} heeft geen geldige agent"))
            continue
        load[agent] += instance.weights[agent][item]
        cost += instance.costs[agent][item]
    for agent, used in enumerate(load):
        if used > instance.capacities[agent]:
            problems.append(
                Violation(
                    "gap-capaciteit",
                    f"agent {agent} gebruikt {used} van capaciteit {instance.capacities[agent]}",
                )
            )
    return CheckResult(tuple(problems), cost)


# --- Curtois & Qu ------------------------------------------------------------------------------


def _runs(flags: list[bool]) -> list[tuple[int, int, bool]]:
    """(start, length, value) of every maximal run of equal flags."""
    runs = []
    start = 0
    for day in range(1, len(flags) + 1):
        if day == len(flags) or flags[day] != flags[start]:
            runs.append((start, day - start, flags[start]))
            start = day
    return runs


def check_nrp(instance: NrpInstance, roster: tuple[tuple[str | None, ...], ...]) -> CheckResult:
    """All Curtois & Qu hard constraints, and the penalty recomputed from scratch."""
    problems: list[Violation] = []
    shifts = {shift.id: shift for shift in instance.shifts}
    horizon = instance.horizon
    if len(roster) != len(instance.staff) or any(len(row) != horizon for row in roster):
        return CheckResult((Violation("nrp-vorm", "rooster heeft de verkeerde afmetingen"),), 0)
    for person, row in zip(instance.staff, roster, strict=True):
        who = person.id
        for day, shift in enumerate(row):
            if shift is not None and shift not in shifts:
                problems.append(
                    Violation("nrp-dienst", f"{who} dag {day}: onbekende dienst {shift}")
                )
        row = tuple(s if s in shifts else None for s in row)
        for day in instance.days_off.get(who, ()):
            if row[day] is not None:
                problems.append(Violation("nrp-vrij", f"{who} werkt op vrije dag {day}"))
        for day in range(horizon - 1):
            first, second = row[day], row[day + 1]
            if first is not None and second is not None and second in shifts[first].forbidden_next:
                problems.append(
                    Violation("nrp-opvolging", f"{who}: {first} op dag {day} gevolgd door {second}")
                )
        counts = Counter(s for s in row if s is not None)
        for shift_id, count in counts.items():
            if count > person.max_shifts.get(shift_id, 0):
                problems.append(
                    Violation(
                        "nrp-max-dienst",
                        f"{who}: {count}× {shift_id}, maximaal {person.max_shifts.get(shift_id, 0)}",
                    )
                )
        total = sum(shifts[s].minutes for s in row if s is not None)
        if total > person.max_minutes:
            problems.append(Violation("nrp-max-minuten", f"{who}: {total} > {person.max_minutes}"))
        if total < person.min_minutes:
            problems.append(Violation("nrp-min-minuten", f"{who}: {total} < {person.min_minutes}"))
        for start, length, working in _runs([s is not None for s in row]):
            inside = start > 0 and start + length < horizon
            if working and length > person.max_consecutive:
                problems.append(
                    Violation("nrp-max-reeks", f"{who}: {length} dagen achtereen vanaf dag {start}")
                )
            if working and inside and length < person.min_consecutive:
                problems.append(
                    Violation(
                        "nrp-min-reeks", f"{who}: maar {length} dag(en) werk vanaf dag {start}"
                    )
                )
            if not working and inside and length < person.min_days_off:
                problems.append(
                    Violation(
                        "nrp-min-vrij", f"{who}: maar {length} dag(en) vrij vanaf dag {start}"
                    )
                )
        weekends = sum(
            1
            for week in range(horizon // 7)
            if row[7 * week + 5] is not None or row[7 * week + 6] is not None
        )
        if weekends > person.max_weekends:
            problems.append(
                Violation(
                    "nrp-weekenden", f"{who}: {weekends} weekenden, maximaal {person.max_weekends}"
                )
            )
    penalty = 0
    by_id = dict(zip((p.id for p in instance.staff), roster, strict=True))
    for request in instance.on_requests:
        penalty += request.weight * (by_id[request.staff][request.day] != request.shift)
    for request in instance.off_requests:
        penalty += request.weight * (by_id[request.staff][request.day] == request.shift)
    for cover in instance.cover:
        present = [row[cover.day] for row in roster].count(cover.shift)
        penalty += cover.under * max(0, cover.requirement - present)
        penalty += cover.over * max(0, present - cover.requirement)
    return CheckResult(tuple(problems), penalty)
