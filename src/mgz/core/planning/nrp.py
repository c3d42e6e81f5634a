"""Curtois & Qu shift scheduling (nurse rostering): reader, CP-SAT model and greedy baseline.

The MGZ ANW roster (`roster.py`) is a shift-scheduling problem too; the public Curtois & Qu
instances (schedulingbenchmarks.org, ../shared/benchmarks/nrp) let us measure the same kind of
model against best-known values. The rules follow the benchmark's definition:

hard: at most one shift per day; forbidden successions (shift on day d, shift on d+1); a
maximum per shift type; minimum and maximum total minutes; maximum consecutive working days;
minimum consecutive working days and minimum consecutive days off (a run that touches the
start or the end of the horizon is exempt, as it may continue outside); a maximum number of
worked weekends (Saturday or Sunday worked); fixed days off.

soft (the objective): cover under and over the requirement, each unit times its weight; a
shift-on request not granted and a shift-off request not honoured, each times its weight.
"""

from __future__ import annotations

import random
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from ortools.sat.python import cp_model


@dataclass(frozen=True)
class NrpShift:
    id: str
    minutes: int
    forbidden_next: frozenset[str]


@dataclass(frozen=True)
class NrpStaff:
    id: str
    max_shifts: dict[str, int]
    max_minutes: int
    min_minutes: int
    max_consecutive: int
    min_consecutive: int
    min_days_off: int
    max_weekends: int


@dataclass(frozen=True)
class NrpRequest:
    staff: str
    day: int
    shift: str
    weight: int


@dataclass(frozen=True)
class NrpCover:
    day: int
    shift: str
    requirement: int
    under: int
    over: int


@dataclass(frozen=True)
class NrpInstance:
    name: str
    horizon: int
    shifts: tuple[NrpShift, ...]
    staff: tuple[NrpStaff, ...]
    days_off: dict[str, frozenset[int]]
    on_requests: tuple[NrpRequest, ...]
    off_requests: tuple[NrpRequest, ...]
    cover: tuple[NrpCover, ...]

    def shift(self, shift_id: str) -> NrpShift:
        return next(s for s in self.shifts if s.id == shift_id)


@dataclass(frozen=True)
class NrpSolution:
    """`roster[e][d]` is the shift id of staff e on day d, or None for a day off."""

    roster: tuple[tuple[str | None, ...], ...]
    objective: int
    bound: float | None
    status: str  # "optimaal", "toegelaten", "geen oplossing"
    seconds: float
    solver: str
    first_feasible_seconds: float | None = None
    progress: tuple[tuple[float, int], ...] = field(default=())


def read_nrp(path: str | Path, name: str | None = None) -> NrpInstance:
    """Read the Curtois & Qu text format (SECTION_* blocks, '#' comments)."""
    path = Path(path)
    sections: dict[str, list[list[str]]] = {}
    current = None
    for raw in path.read_text().splitlines():
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("SECTION_"):
            current = line
            sections[current] = []
            continue
        if current is None:
            raise ValueError(f"{path}: regel buiten een sectie: {line!r}")
        sections[current].append([part.strip() for part in line.split(",")])
    horizon = int(sections["SECTION_HORIZON"][0][0])
    shifts = tuple(
        NrpShift(
            row[0],
            int(row[1]),
            frozenset(x for x in (row[2].split("|") if len(row) > 2 else []) if x),
        )
        for row in sections["SECTION_SHIFTS"]
    )
    staff = []
    for row in sections["SECTION_STAFF"]:
        limits = {}
        for part in row[1].split("|"):
            if part:
                shift_id, value = part.split("=")
                limits[shift_id] = int(value)
        staff.append(
            NrpStaff(row[0], limits, *(int(x) for x in row[2:8]))  # type: ignore[arg-type]
        )
    days_off = {
        row[0]: frozenset(int(x) for x in row[1:] if x)
        for row in sections.get("SECTION_DAYS_OFF", [])
    }

    def requests(key: str) -> tuple[NrpRequest, ...]:
        return tuple(
            NrpRequest(row[0], int(row[1]), row[2], int(row[3])) for row in sections.get(key, [])
        )

    cover = tuple(
        NrpCover(int(row[0]), row[1], int(row[2]), int(row[3]), int(row[4]))
        for row in sections["SECTION_COVER"]
    )
    return NrpInstance(
        name or path.stem,
        horizon,
        shifts,
        tuple(staff),
        days_off,
        requests("SECTION_SHIFT_ON_REQUESTS"),
        requests("SECTION_SHIFT_OFF_REQUESTS"),
        cover,
    )


def nrp_objective(instance: NrpInstance, roster: tuple[tuple[str | None, ...], ...]) -> int:
    """The penalty of a roster (soft constraints only), as the model counts it."""
    index = {s.id: e for e, s in enumerate(instance.staff)}
    total = 0
    for request in instance.on_requests:
        if roster[index[request.staff]][request.day] != request.shift:
            total += request.weight
    for request in instance.off_requests:
        if roster[index[request.staff]][request.day] == request.shift:
            total += request.weight
    for cover in instance.cover:
        count = sum(1 for row in roster if row[cover.day] == cover.shift)
        if count < cover.requirement:
            total += cover.under * (cover.requirement - count)
        elif count > cover.requirement:
            total += cover.over * (count - cover.requirement)
    return total


class _Progress(cp_model.CpSolverSolutionCallback):
    """Records (seconds, objective) of every improving solution, and calls `on_solution`."""

    def __init__(self, started: float, on_solution: Callable[[float, int], None] | None):
        super().__init__()
        self.started = started
        self.points: list[tuple[float, int]] = []
        self.on_solution = on_solution

    def on_solution_callback(self) -> None:
        self.record(round(self.objective_value))

    def record(self, objective: int) -> None:
        point = (time.perf_counter() - self.started, objective)
        self.points.append(point)
        if self.on_solution is not None:
            self.on_solution(*point)


def solve_nrp(
    instance: NrpInstance,
    *,
    time_limit: float = 60.0,
    workers: int = 2,
    hint: tuple[tuple[str | None, ...], ...] | None = None,
    seed: int = 0,
    on_solution: Callable[[float, int], None] | None = None,
    lns_share: float = 0.5,
) -> NrpSolution:
    """Minimise the Curtois & Qu penalty with CP-SAT.

    One boolean per (staff, day, allowed shift) and a derived "works" boolean per (staff, day).
    Sequence rules are posted as clauses over windows of "works": a forbidden run of length l
    (shorter than the minimum, between two boundaries of the other kind) is one clause, which
    propagates better than run-length counters.
    """
    started = time.perf_counter()
    model = cp_model.CpModel()
    horizon = instance.horizon
    shift_ids = [s.id for s in instance.shifts]
    minutes = {s.id: s.minutes for s in instance.shifts}
    x: dict[tuple[int, int, str], cp_model.IntVar] = {}
    works: dict[tuple[int, int], cp_model.IntVar] = {}
    objective_terms = []
    for e, staff in enumerate(instance.staff):
        off = instance.days_off.get(staff.id, frozenset())
        for d in range(horizon):
            day_vars = []
            if d not in off:
                for s in shift_ids:
                    if staff.max_shifts.get(s, 0) > 0:
                        x[e, d, s] = model.new_bool_var(f"x{e}_{d}_{s}")
                        day_vars.append(x[e, d, s])
            w = model.new_bool_var(f"w{e}_{d}")
            works[e, d] = w
            model.add(sum(day_vars) == w)
        # Forbidden successions.
        for d in range(horizon - 1):
            for shift in instance.shifts:
                if (e, d, shift.id) not in x:
                    continue
                for nxt in shift.forbidden_next:
                    if (e, d + 1, nxt) in x:
                        model.add_bool_or([x[e, d, shift.id].Not(), x[e, d + 1, nxt].Not()])
        # Per-type maxima and total minutes.
        for s in shift_ids:
            terms = [x[e, d, s] for d in range(horizon) if (e, d, s) in x]
            if terms and staff.max_shifts.get(s, 0) < len(terms):
                model.add(sum(terms) <= staff.max_shifts[s])
        total = sum(minutes[s] * var for (ee, _, s), var in x.items() if ee == e)
        model.add(total <= staff.max_minutes)
        model.add(total >= staff.min_minutes)
        w_row = [works[e, d] for d in range(horizon)]
        # Maximum consecutive working days: every window of max+1 days has a day off.
        k = staff.max_consecutive
        for d in range(horizon - k):
            model.add_bool_or([w_row[t].Not() for t in range(d, d + k + 1)])
        # Minimum run lengths, only for runs strictly inside the horizon.
        for length in range(1, staff.min_consecutive):
            for d in range(1, horizon - length):
                model.add_bool_or(
                    [w_row[d - 1]]
                    + [w_row[t].Not() for t in range(d, d + length)]
                    + [w_row[d + length]]
                )
        for length in range(1, staff.min_days_off):
            for d in range(1, horizon - length):
                model.add_bool_or(
                    [w_row[d - 1].Not()]
                    + [w_row[t] for t in range(d, d + length)]
                    + [w_row[d + length].Not()]
                )
        # Weekends.
        weekend_vars = []
        for k in range(horizon // 7):
            sat, sun = 7 * k + 5, 7 * k + 6
            worked = model.new_bool_var(f"we{e}_{k}")
            model.add_implication(w_row[sat], worked)
            model.add_implication(w_row[sun], worked)
            model.add_bool_or([w_row[sat], w_row[sun], worked.Not()])
            weekend_vars.append(worked)
        if len(weekend_vars) > staff.max_weekends:
            model.add(sum(weekend_vars) <= staff.max_weekends)
    index = {s.id: e for e, s in enumerate(instance.staff)}
    constant = 0
    for request in instance.on_requests:
        key = (index[request.staff], request.day, request.shift)
        if key in x:
            constant += request.weight
            objective_terms.append(-request.weight * x[key])
        else:
            constant += request.weight
    for request in instance.off_requests:
        key = (index[request.staff], request.day, request.shift)
        if key in x:
            objective_terms.append(request.weight * x[key])
    for cover in instance.cover:
        assigned = [
            x[e, cover.day, cover.shift]
            for e in range(len(instance.staff))
            if (e, cover.day, cover.shift) in x
        ]
        bound = len(assigned)
        under = model.new_int_var(0, cover.requirement, f"u{cover.day}_{cover.shift}")
        over = model.new_int_var(0, max(0, bound - cover.requirement), "")
        model.add(sum(assigned) + under - over == cover.requirement)
        # Never both: otherwise a feasible (not yet optimal) solution could carry equal under
        # and over slack, and its reported objective would exceed its true penalty.
        short = model.new_bool_var("")
        model.add(under == 0).only_enforce_if(short.Not())
        model.add(over == 0).only_enforce_if(short)
        objective_terms.append(cover.under * under)
        objective_terms.append(cover.over * over)
    model.minimize(sum(objective_terms) + constant)
    if hint is not None:
        for (e, d, s), var in x.items():
            model.add_hint(var, hint[e][d] == s)
    deadline = started + time_limit
    progress = _Progress(started, on_solution)
    # Phase 1: the full model, for a first solution and the bound.
    first_limit = time_limit if lns_share <= 0 else max(1.0, time_limit * (1 - lns_share))
    status, values, objective, bound = _run(model, x, first_limit, workers, seed, progress)
    if values is None:
        return NrpSolution((), 0, None, "geen oplossing", _since(started), "cp-sat")
    # Phase 2: large neighbourhood search — free a few persons or a block of days, fix the
    # rest to the incumbent and let CP-SAT re-optimise that part exactly.
    rng = random.Random(seed)
    # Neighbourhood sizes adapt: grow after a sub-problem solved to optimality, shrink after
    # a time-out. "staff" frees whole rows, "days" frees a block of days for everybody.
    sizes = {"staff": 4, "days": 3}
    round_ = 0
    while status != cp_model.OPTIMAL and time.perf_counter() < deadline - 0.2:
        round_ += 1
        kind = "staff" if round_ % 3 else "days"
        if kind == "staff":
            count = min(sizes["staff"], len(instance.staff))
            freed = set(rng.sample(range(len(instance.staff)), count))
            free = {key for key in x if key[0] in freed}
        else:
            span = min(horizon, sizes["days"])
            short = _short_days(instance, x, values)
            if short and rng.random() < 0.7:
                # Aim at a day that is short of staff: that is where the penalty is.
                centre = rng.choice(short)
                first_day = min(max(0, centre - rng.randrange(span)), horizon - span)
            else:
                first_day = rng.randrange(0, horizon - span + 1)
            free = {key for key in x if first_day <= key[1] < first_day + span}
        sub = model.clone()
        for key, var in x.items():
            twin = sub.get_bool_var_from_proto_index(var.index)
            if key in free:
                sub.add_hint(twin, values[key])
            else:
                sub.add(twin == values[key])
        sub_limit = min(2.0, deadline - time.perf_counter())
        if sub_limit <= 0.1:
            break
        sub_status, sub_values, sub_objective, _ = _run(
            sub, x, sub_limit, workers, seed + round_, None
        )
        if sub_values is not None and sub_objective < objective:
            values, objective = sub_values, sub_objective
            progress.record(objective)
        limit_size = len(instance.staff) if kind == "staff" else horizon
        if sub_status == cp_model.OPTIMAL:
            sizes[kind] = min(limit_size, sizes[kind] + 1)
        else:
            sizes[kind] = max(2, sizes[kind] - 1)
    roster = tuple(
        tuple(
            next((s for s in shift_ids if (e, d, s) in x and values[e, d, s]), None)
            for d in range(horizon)
        )
        for e in range(len(instance.staff))
    )
    return NrpSolution(
        roster,
        objective,
        bound,
        "optimaal" if status == cp_model.OPTIMAL or objective <= bound else "toegelaten",
        _since(started),
        "cp-sat",
        progress.points[0][0] if progress.points else None,
        tuple(progress.points),
    )


def _run(
    model: cp_model.CpModel,
    x: dict[tuple[int, int, str], cp_model.IntVar],
    limit: float,
    workers: int,
    seed: int,
    progress: _Progress | None,
) -> tuple[int, dict[tuple[int, int, str], int] | None, int, float]:
    """Solve; return (status, values of x by key, objective, bound)."""
    solver = cp_model.CpSolver()
    solver.parameters.max_time_in_seconds = limit
    solver.parameters.num_workers = workers
    solver.parameters.random_seed = seed
    # Clauses in the LP relaxation: measured better first solutions on Instance2–3.
    solver.parameters.linearization_level = 2
    status = solver.solve(model, progress) if progress is not None else solver.solve(model)
    if status not in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        return status, None, 0, 0.0
    values = {key: int(solver.value(var)) for key, var in x.items()}
    return status, values, round(solver.objective_value), solver.best_objective_bound


def _short_days(
    instance: NrpInstance,
    x: dict[tuple[int, int, str], cp_model.IntVar],
    values: dict[tuple[int, int, str], int],
) -> list[int]:
    """Days on which some shift has fewer people than required in the incumbent."""
    present: dict[tuple[int, str], int] = {}
    for (_, d, s), value in values.items():
        if value:
            present[d, s] = present.get((d, s), 0) + 1
    return sorted(
        {c.day for c in instance.cover if present.get((c.day, c.shift), 0) < c.requirement}
    )


def _since(started: float) -> float:
    return time.perf_counter() - started


def greedy_nrp(instance: NrpInstance) -> NrpSolution:
    """Staff by staff, day by day: work when it fills cover and the rules allow it.

    The state per person (run length, days off in a row, minutes, weekends, counts per shift)
    decides whether a day must be worked (a run shorter than the minimum), must be off (rest,
    limits) or may be chosen; then the shift with the largest remaining under-cover weight
    plus request weight wins. A baseline: it can end infeasible (e.g. minimum minutes missed),
    so its status is "heuristiek" and the checker tells whether and why.
    """
    started = time.perf_counter()
    horizon = instance.horizon
    need = {(c.day, c.shift): c.requirement for c in instance.cover}
    weight_under = {(c.day, c.shift): c.under for c in instance.cover}
    weight_over = {(c.day, c.shift): c.over for c in instance.cover}
    on = {(r.staff, r.day, r.shift): r.weight for r in instance.on_requests}
    off_req = {(r.staff, r.day, r.shift): r.weight for r in instance.off_requests}
    minutes = {s.id: s.minutes for s in instance.shifts}
    forbidden = {s.id: s.forbidden_next for s in instance.shifts}
    order = sorted(
        range(len(instance.staff)),
        key=lambda e: len(instance.days_off.get(instance.staff[e].id, ())),
        reverse=True,
    )
    roster: list[list[str | None]] = [[None] * horizon for _ in instance.staff]
    for e in order:
        staff = instance.staff[e]
        days_off = instance.days_off.get(staff.id, frozenset())
        run = off_run = 0
        run_start = off_start = 0
        used = 0
        counts: dict[str, int] = {}
        weekends: set[int] = set()
        previous: str | None = None
        shortest = min(minutes.values())
        for d in range(horizon):
            weekend = _weekend(d, horizon)
            if run == 0:
                # Start a run only after enough rest and when it can reach the minimum length.
                reach = range(d, min(horizon, d + staff.min_consecutive))
                new_weekends = {_weekend(t, horizon) for t in reach} - weekends - {None}
                can_work = (
                    (off_start == 0 or off_run >= staff.min_days_off)
                    and all(t not in days_off for t in reach)
                    and len(weekends) + len(new_weekends) <= staff.max_weekends
                    and used + len(reach) * shortest <= staff.max_minutes
                )
            else:
                can_work = (
                    d not in days_off
                    and run < staff.max_consecutive
                    and (
                        weekend is None or weekend in weekends or len(weekends) < staff.max_weekends
                    )
                )
            options = [
                s
                for s in minutes
                if can_work
                and counts.get(s, 0) < staff.max_shifts.get(s, 0)
                and used + minutes[s] <= staff.max_minutes
                and (previous is None or s not in forbidden[previous])
            ]
            must_work = (0 < run < staff.min_consecutive and run_start > 0) or (
                used < staff.min_minutes
            )
            gains = {
                s: _gain(staff.id, d, s, on, off_req, need, weight_under, weight_over)
                for s in options
            }
            choice = max(options, key=gains.__getitem__, default=None)
            if choice is not None and not must_work and gains[choice] <= 0:
                choice = None
            if choice is not None:
                roster[e][d] = choice
                need[d, choice] = need.get((d, choice), 0) - 1
                counts[choice] = counts.get(choice, 0) + 1
                used += minutes[choice]
                if weekend is not None:
                    weekends.add(weekend)
                if run == 0:
                    run_start = d
                run += 1
                off_run = 0
            else:
                if off_run == 0:
                    off_start = d
                run = 0
                off_run += 1
            previous = choice
    frozen = tuple(tuple(row) for row in roster)
    return NrpSolution(
        frozen,
        nrp_objective(instance, frozen),
        None,
        "heuristiek",  # not self-verified: the checker decides whether it is feasible
        time.perf_counter() - started,
        "greedy",
    )


def _gain(
    staff_id: str,
    day: int,
    shift: str,
    on: dict[tuple[str, int, str], int],
    off: dict[tuple[str, int, str], int],
    need: dict[tuple[int, str], int],
    weight_under: dict[tuple[int, str], int],
    weight_over: dict[tuple[int, str], int],
) -> int:
    """How much the penalty drops when this person works this shift on this day."""
    gain = on.get((staff_id, day, shift), 0) - off.get((staff_id, day, shift), 0)
    if need.get((day, shift), 0) > 0:
        return gain + weight_under.get((day, shift), 0)
    return gain - weight_over.get((day, shift), 0)


def _weekend(day: int, horizon: int) -> int | None:
    """The weekend number of a Saturday or Sunday inside the horizon's whole weeks."""
    if day % 7 >= 5 and day // 7 < horizon // 7:
        return day // 7
    return None
