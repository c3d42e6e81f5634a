"""The regional ANW on-call roster for SO and AVG (covenant 2.1.3.b, 2.5.2).

A (sub)region pools the SO and/or AVG of several organisations. Over a horizon (typically a
quarter) every ANW hour needs, per requirement (e.g. "SO noord", "AVG regio"), the agreed
number of physicians on duty — reachable (bereikbaar), or also available (beschikbaar) where
the covenant asks it. The roster follows the ANW calendar (`mgz.core.calendar.AnwCalendar`):

- a weekday that is no holiday has one duty, avond/nacht, from `weekday_start` (17:00) to
  `weekday_end` (08:00) the next morning;
- a Saturday, Sunday or public holiday has a dag duty (08:00–17:00) and a nacht duty
  (17:00–08:00 the next morning).

So the roster covers, without a gap, every ANW hour from 08:00 on the first day to 08:00
after the last day.

Hard rules: the right discipline (and organisation, when a requirement is limited to some);
no duty on or over an absence day; at most one duty that starts on a day; no duty starting on
the day a night duty ends (rest); a person's maximum number of duties. Coverage is hard too,
but the model keeps a heavily penalised "unfilled" slack so that an impossible horizon still
gives a roster with the exact unfilled duties listed instead of "infeasible".

Soft rules (the objective, all explained in Dutch when broken): personal requests (wants /
doesn't want a day), each person's weighted load close to their share by FTE and
availability — weekend and holiday duties weigh more and are also spread separately — and each
organisation's load close to its share.
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from ortools.sat.python import cp_model

from mgz.core.calendar import TZ, AnwCalendar

KIND_WEEKDAY_NIGHT = "avond/nacht"
KIND_DAY = "dag"
KIND_NIGHT = "nacht"
MODE_REACHABLE = "bereikbaar"
MODE_AVAILABLE = "beschikbaar"


@dataclass(frozen=True)
class Person:
    """An SO or AVG in the pool. `max_duties` None means no personal maximum."""

    id: str
    name: str
    organisation: str
    discipline: str  # "SO" or "AVG"
    fte: float = 1.0
    absences: frozenset[date] = frozenset()
    max_duties: int | None = None
    wants: frozenset[date] = frozenset()  # asks for a duty that starts on these days
    avoids: frozenset[date] = frozenset()  # asks for no duty that starts on these days


@dataclass(frozen=True)
class Requirement:
    """`count` persons of `discipline` on every duty; optionally only from `organisations`."""

    label: str
    discipline: str
    count: int = 1
    mode: str = MODE_REACHABLE
    organisations: frozenset[str] | None = None

    def eligible(self, person: Person) -> bool:
        return person.discipline == self.discipline and (
            self.organisations is None or person.organisation in self.organisations
        )


@dataclass(frozen=True)
class RosterWeights:
    """Penalty weights; loads are in tenths of a duty (weekday night = 10)."""

    weekday_night: int = 10
    weekend_day: int = 12
    weekend_night: int = 15
    request: int = 50
    fairness: int = 2
    fairness_max: int = 10
    weekend_spread: int = 20
    organisation: int = 1
    unfilled: int = 100_000


@dataclass(frozen=True)
class RosterProblem:
    region: str
    start: date
    days: int
    persons: tuple[Person, ...]
    requirements: tuple[Requirement, ...]
    calendar: AnwCalendar = field(default_factory=AnwCalendar)
    rest_hours_after_night: int = 24
    weights: RosterWeights = field(default_factory=RosterWeights)


@dataclass(frozen=True)
class Shift:
    index: int
    day: date
    kind: str
    start: datetime
    end: datetime
    weekend_or_holiday: bool

    @property
    def is_night(self) -> bool:
        return self.kind != KIND_DAY


@dataclass(frozen=True)
class Duty:
    """One on-call duty, ready to be written back as an availability arrangement."""

    person_id: str
    requirement: str
    discipline: str
    mode: str
    kind: str
    day: date
    start: datetime
    end: datetime


@dataclass(frozen=True)
class Unfilled:
    requirement: str
    kind: str
    day: date
    start: datetime
    end: datetime
    missing: int


@dataclass(frozen=True)
class SoftViolation:
    code: str
    message: str  # Dutch, for the regio-coördinator
    person_id: str | None = None
    day: date | None = None


@dataclass(frozen=True)
class PersonCount:
    person_id: str
    name: str
    organisation: str
    duties: int
    nights: int
    weekend_holiday: int
    load: float  # in duties, weighted (weekday night = 1.0)
    target: float


@dataclass(frozen=True)
class RosterResult:
    duties: tuple[Duty, ...]
    unfilled: tuple[Unfilled, ...]
    counts: tuple[PersonCount, ...]
    violations: tuple[SoftViolation, ...]
    objective: int
    bound: float | None
    status: str  # "optimaal", "toegelaten", "onvolledig" (unfilled duties), "geen oplossing"
    seconds: float
    solver: str
    first_feasible_seconds: float | None = None


def anw_shifts(problem: RosterProblem) -> list[Shift]:
    """The duties of the horizon, in time order, from the ANW calendar."""
    calendar = problem.calendar
    shifts: list[Shift] = []
    for offset in range(problem.days):
        day = problem.start + timedelta(days=offset)
        special = day.weekday() >= 5 or calendar.is_holiday(day)
        evening = datetime.combine(day, calendar.weekday_start, TZ)
        morning = datetime.combine(day + timedelta(days=1), calendar.weekday_end, TZ)
        if special:
            day_start = datetime.combine(day, calendar.weekday_end, TZ)
            shifts.append(Shift(len(shifts), day, KIND_DAY, day_start, evening, True))
            shifts.append(Shift(len(shifts), day, KIND_NIGHT, evening, morning, True))
        else:
            shifts.append(Shift(len(shifts), day, KIND_WEEKDAY_NIGHT, evening, morning, False))
    return shifts


def shift_weight(problem: RosterProblem, shift: Shift) -> int:
    weights = problem.weights
    if not shift.weekend_or_holiday:
        return weights.weekday_night
    return weights.weekend_day if shift.kind == KIND_DAY else weights.weekend_night


def _blocked(person: Person, shift: Shift) -> bool:
    """A duty touching an absence day (a night also touches the next morning)."""
    last = (shift.end - timedelta(microseconds=1)).astimezone(TZ).date()
    return shift.day in person.absences or last in person.absences


def _targets(problem: RosterProblem, shifts: list[Shift]) -> dict[str, tuple[float, float]]:
    """Per person: (weighted load target, weekend/holiday duty target), in tenths and duties.

    A requirement's duties are shared among its eligible persons by FTE times the fraction of
    the horizon they are not absent, so part-timers and people on leave get less.
    """
    share: dict[str, float] = {}
    result: dict[str, list[float]] = {p.id: [0.0, 0.0] for p in problem.persons}
    for person in problem.persons:
        present = sum(1 for s in shifts if not _blocked(person, s)) / max(1, len(shifts))
        share[person.id] = person.fte * present
    for requirement in problem.requirements:
        eligible = [p for p in problem.persons if requirement.eligible(p)]
        total_share = sum(share[p.id] for p in eligible) or 1.0
        load = sum(shift_weight(problem, s) for s in shifts) * requirement.count
        weekend = sum(1 for s in shifts if s.weekend_or_holiday) * requirement.count
        for person in eligible:
            fraction = share[person.id] / total_share
            result[person.id][0] += load * fraction
            result[person.id][1] += weekend * fraction
    return {pid: (values[0], values[1]) for pid, values in result.items()}


def solve_roster(
    problem: RosterProblem,
    *,
    time_limit: float = 60.0,
    workers: int = 2,
    hint: tuple[Duty, ...] | None = None,
    seed: int = 0,
    on_solution: Callable[[float, int], None] | None = None,
) -> RosterResult:
    """The roster with the least penalty, by CP-SAT; `on_solution` reports progress."""
    started = time.perf_counter()
    shifts = anw_shifts(problem)
    persons = problem.persons
    weights = problem.weights
    targets = _targets(problem, shifts)
    model = cp_model.CpModel()
    x: dict[tuple[int, int, int], cp_model.IntVar] = {}
    for p, person in enumerate(persons):
        for r, requirement in enumerate(problem.requirements):
            if not requirement.eligible(person):
                continue
            for shift in shifts:
                if not _blocked(person, shift):
                    x[p, shift.index, r] = model.new_bool_var(f"x{p}_{shift.index}_{r}")
    by_person_shift: dict[tuple[int, int], list[cp_model.IntVar]] = {}
    for (p, s, _), var in x.items():
        by_person_shift.setdefault((p, s), []).append(var)
    on: dict[tuple[int, int], cp_model.LinearExprT] = {
        key: sum(vars_) for key, vars_ in by_person_shift.items()
    }
    shifts_by_day: dict[date, list[Shift]] = {}
    for shift in shifts:
        shifts_by_day.setdefault(shift.day, []).append(shift)
    objective: list[cp_model.LinearExprT] = []
    unfilled_vars: dict[tuple[int, int], cp_model.IntVar] = {}
    # Coverage: exactly `count` per duty and requirement, or an expensive unfilled slack.
    for shift in shifts:
        for r, requirement in enumerate(problem.requirements):
            slack = model.new_int_var(0, requirement.count, f"u{shift.index}_{r}")
            unfilled_vars[shift.index, r] = slack
            model.add(
                sum(x[p, shift.index, r] for p in range(len(persons)) if (p, shift.index, r) in x)
                + slack
                == requirement.count
            )
            objective.append(weights.unfilled * slack)
    person_day: dict[tuple[int, date], cp_model.IntVar] = {}
    for p, person in enumerate(persons):
        # At most one duty starting on a day; a day flag for rest and requests.
        for day, todays in shifts_by_day.items():
            terms = [on[p, s.index] for s in todays if (p, s.index) in on]
            flag = model.new_bool_var(f"d{p}_{day}")
            if terms:
                model.add(sum(terms) == flag)
            else:
                model.add(flag == 0)
            person_day[p, day] = flag
        # Rest: nothing starts on the day a night duty ends.
        for shift in shifts:
            if shift.is_night and (p, shift.index) in on:
                next_day = shift.day + timedelta(days=1)
                if (p, next_day) in person_day:
                    model.add(on[p, shift.index] + person_day[p, next_day] <= 1)
        all_terms = [on[p, s.index] for s in shifts if (p, s.index) in on]
        if person.max_duties is not None and all_terms:
            model.add(sum(all_terms) <= person.max_duties)
        for day in person.wants:
            if (p, day) in person_day:
                objective.append(weights.request * (1 - person_day[p, day]))
        for day in person.avoids:
            if (p, day) in person_day:
                objective.append(weights.request * person_day[p, day])
    # Fairness: weighted load and weekend/holiday duties near each person's share.
    total_weight = sum(shift_weight(problem, s) for s in shifts) * sum(
        r.count for r in problem.requirements
    )
    deviations = []
    wdevs = []
    org_devs: dict[str, cp_model.IntVar] = {}
    org_load: dict[str, list[cp_model.LinearExprT]] = {}
    org_target: dict[str, float] = {}
    for p, person in enumerate(persons):
        target_load, target_weekend = targets[person.id]
        load = sum(shift_weight(problem, s) * on[p, s.index] for s in shifts if (p, s.index) in on)
        weekend = sum(on[p, s.index] for s in shifts if s.weekend_or_holiday and (p, s.index) in on)
        dev = model.new_int_var(0, total_weight, f"dev{p}")
        model.add(dev >= load - round(target_load))
        model.add(dev >= round(target_load) - load)
        deviations.append(dev)
        objective.append(weights.fairness * dev)
        wdev = model.new_int_var(0, len(shifts), f"wdev{p}")
        # Weekend duties count whole; round the target both ways so ±½ is free.
        model.add(wdev >= weekend - math.ceil(target_weekend))
        model.add(wdev >= math.floor(target_weekend) - weekend)
        objective.append(weights.weekend_spread * wdev)
        wdevs.append(wdev)
        org_load.setdefault(person.organisation, []).append(load)
        org_target[person.organisation] = org_target.get(person.organisation, 0) + target_load
    if deviations:
        worst = model.new_int_var(0, total_weight, "worst")
        for dev in deviations:
            model.add(worst >= dev)
        objective.append(weights.fairness_max * worst)
    for organisation, loads in org_load.items():
        dev = model.new_int_var(0, total_weight, f"org_{organisation}")
        model.add(dev >= sum(loads) - round(org_target[organisation]))
        model.add(dev >= round(org_target[organisation]) - sum(loads))
        objective.append(weights.organisation * dev)
        org_devs[organisation] = dev
    model.minimize(sum(objective))
    if hint is not None:
        # A complete hint (every auxiliary variable too): CP-SAT then starts from the greedy
        # roster at once instead of spending seconds repairing a partial one.
        index = {person.id: p for p, person in enumerate(persons)}
        label = {r.label: i for i, r in enumerate(problem.requirements)}
        by_start = {s.start: s.index for s in shifts}
        chosen = {
            (index[d.person_id], by_start[d.start], label[d.requirement])
            for d in hint
            if d.person_id in index and d.start in by_start and d.requirement in label
        }
        chosen &= set(x)
        for key, var in x.items():
            model.add_hint(var, key in chosen)
        on_value: dict[tuple[int, int], int] = {}
        for p, s, _ in chosen:
            on_value[p, s] = on_value.get((p, s), 0) + 1
        for (s, r), slack in unfilled_vars.items():
            filled = sum(1 for p in range(len(persons)) if (p, s, r) in chosen)
            model.add_hint(slack, max(0, problem.requirements[r].count - filled))
        for (p, day), flag in person_day.items():
            model.add_hint(
                flag, min(1, sum(on_value.get((p, t.index), 0) for t in shifts_by_day[day]))
            )
        org_value: dict[str, int] = {}
        dev_values = []
        for p, person in enumerate(persons):
            target_load, target_weekend = targets[person.id]
            load_value = sum(
                shift_weight(problem, t) * on_value.get((p, t.index), 0) for t in shifts
            )
            weekend_value = sum(
                on_value.get((p, t.index), 0) for t in shifts if t.weekend_or_holiday
            )
            dev_values.append(abs(load_value - round(target_load)))
            model.add_hint(deviations[p], dev_values[-1])
            model.add_hint(
                wdevs[p],
                max(
                    0,
                    weekend_value - math.ceil(target_weekend),
                    math.floor(target_weekend) - weekend_value,
                ),
            )
            org_value[person.organisation] = org_value.get(person.organisation, 0) + load_value
        if deviations:
            model.add_hint(worst, max(dev_values))
        for organisation, dev in org_devs.items():
            model.add_hint(dev, abs(org_value[organisation] - round(org_target[organisation])))
    solver = cp_model.CpSolver()
    solver.parameters.max_time_in_seconds = time_limit
    solver.parameters.num_workers = workers
    solver.parameters.random_seed = seed
    # One presolve pass and no symmetry detection: the pool has many near-identical persons,
    # and a full presolve cost seconds before the (complete) greedy hint was even used.
    solver.parameters.max_presolve_iterations = 1
    solver.parameters.symmetry_level = 0
    first: list[float] = []

    class _Progress(cp_model.CpSolverSolutionCallback):
        def on_solution_callback(self) -> None:
            elapsed = time.perf_counter() - started
            if not first:
                first.append(elapsed)
            if on_solution is not None:
                on_solution(elapsed, round(self.objective_value))

    status = solver.solve(model, _Progress())
    seconds = time.perf_counter() - started
    if status not in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        return RosterResult((), (), (), (), 0, None, "geen oplossing", seconds, "cp-sat")
    duties = tuple(
        _duty(persons[p], problem.requirements[r], shifts[s])
        for (p, s, r), var in sorted(x.items(), key=lambda item: (item[0][1], item[0][2]))
        if solver.value(var)
    )
    result_status = "optimaal" if status == cp_model.OPTIMAL else "toegelaten"
    return _result(
        problem,
        duties,
        round(solver.objective_value),
        solver.best_objective_bound,
        result_status,
        seconds,
        "cp-sat",
        first[0] if first else None,
    )


def greedy_roster(problem: RosterProblem) -> RosterResult:
    """Chronological baseline: each duty goes to the eligible person furthest below target.

    Hard rules are respected as it goes (absence, one duty a day, rest after a night, maximum
    duties, and a person's `avoids` days are skipped when anyone else can take the duty).
    """
    started = time.perf_counter()
    shifts = anw_shifts(problem)
    targets = _targets(problem, shifts)
    load = {p.id: 0 for p in problem.persons}
    taken = {p.id: 0 for p in problem.persons}
    busy: dict[str, set[date]] = {p.id: set() for p in problem.persons}
    rest: dict[str, set[date]] = {p.id: set() for p in problem.persons}
    duties: list[Duty] = []
    for shift in shifts:
        for requirement in problem.requirements:
            for _ in range(requirement.count):
                candidates = [
                    p
                    for p in problem.persons
                    if requirement.eligible(p)
                    and not _blocked(p, shift)
                    and shift.day not in busy[p.id]
                    and shift.day not in rest[p.id]
                    and (p.max_duties is None or taken[p.id] < p.max_duties)
                ]
                if not candidates:
                    continue
                person = min(
                    candidates,
                    key=lambda p: (
                        shift.day in p.avoids,
                        shift.day not in p.wants,
                        (load[p.id] + shift_weight(problem, shift)) / max(1e-9, targets[p.id][0]),
                    ),
                )
                duties.append(_duty(person, requirement, shift))
                load[person.id] += shift_weight(problem, shift)
                taken[person.id] += 1
                busy[person.id].add(shift.day)
                if shift.is_night:
                    rest[person.id].add(shift.day + timedelta(days=1))
    return _result(
        problem,
        tuple(duties),
        roster_penalty(problem, tuple(duties)),
        None,
        "toegelaten",
        time.perf_counter() - started,
        "greedy",
        None,
    )


def roster_penalty(problem: RosterProblem, duties: tuple[Duty, ...]) -> int:
    """The objective of a roster, recomputed from its duties (for the greedy baseline)."""
    weights = problem.weights
    shifts = anw_shifts(problem)
    targets = _targets(problem, shifts)
    weight_of = {s.start: shift_weight(problem, s) for s in shifts}
    special = {s.start: s.weekend_or_holiday for s in shifts}
    total = weights.unfilled * sum(u.missing for u in _unfilled(problem, shifts, duties))
    days = {(d.person_id, d.day) for d in duties}
    loads = {p.id: 0 for p in problem.persons}
    weekend = {p.id: 0 for p in problem.persons}
    for duty in duties:
        loads[duty.person_id] += weight_of[duty.start]
        weekend[duty.person_id] += special[duty.start]
    deviations = []
    org: dict[str, list[float]] = {}
    for person in problem.persons:
        total += weights.request * sum((person.id, d) not in days for d in person.wants)
        total += weights.request * sum((person.id, d) in days for d in person.avoids)
        target_load, target_weekend = targets[person.id]
        dev = abs(loads[person.id] - round(target_load))
        deviations.append(dev)
        total += weights.fairness * dev
        excess = max(
            weekend[person.id] - math.ceil(target_weekend),
            math.floor(target_weekend) - weekend[person.id],
            0,
        )
        total += weights.weekend_spread * excess
        org.setdefault(person.organisation, [0, 0])
        org[person.organisation][0] += loads[person.id]
        org[person.organisation][1] += target_load
    total += weights.fairness_max * max(deviations, default=0)
    for value, target in org.values():
        total += weights.organisation * abs(value - round(target))
    return total


def explain(problem: RosterProblem, duties: tuple[Duty, ...]) -> list[SoftViolation]:
    """Every broken soft rule, in Dutch, for the regio-coördinator."""
    shifts = anw_shifts(problem)
    targets = _targets(problem, shifts)
    weight_of = {s.start: shift_weight(problem, s) for s in shifts}
    special = {s.start: s.weekend_or_holiday for s in shifts}
    unit = problem.weights.weekday_night
    days = {(d.person_id, d.day) for d in duties}
    found: list[SoftViolation] = []
    org: dict[str, list[float]] = {}
    for person in problem.persons:
        for day in sorted(person.wants):
            if (person.id, day) not in days and problem.start <= day < _end(problem):
                found.append(
                    SoftViolation(
                        "verzoek-dienst",
                        f"{person.name} vroeg een dienst op {day:%d-%m-%Y}, maar kreeg die niet.",
                        person.id,
                        day,
                    )
                )
        for day in sorted(person.avoids):
            if (person.id, day) in days:
                found.append(
                    SoftViolation(
                        "verzoek-vrij",
                        f"{person.name} vroeg vrij op {day:%d-%m-%Y}, maar heeft dan dienst.",
                        person.id,
                        day,
                    )
                )
        own = [d for d in duties if d.person_id == person.id]
        load = sum(weight_of[d.start] for d in own) / unit
        target_load, target_weekend = targets[person.id]
        if abs(load - target_load / unit) >= 1.0:
            more = "meer" if load > target_load / unit else "minder"
            found.append(
                SoftViolation(
                    "belasting",
                    f"{person.name} heeft een gewogen belasting van {load:.1f} diensten, "
                    f"{more} dan het aandeel naar FTE en beschikbaarheid ({target_load / unit:.1f}).",
                    person.id,
                )
            )
        weekend = sum(special[d.start] for d in own)
        if weekend > math.ceil(target_weekend) or weekend < math.floor(target_weekend):
            found.append(
                SoftViolation(
                    "weekend",
                    f"{person.name} heeft {weekend} weekend- of feestdagdiensten; "
                    f"naar aandeel zou dat ongeveer {target_weekend:.1f} zijn.",
                    person.id,
                )
            )
        org.setdefault(person.organisation, [0.0, 0.0])
        org[person.organisation][0] += load
        org[person.organisation][1] += target_load / unit
    for organisation, (load, target) in sorted(org.items()):
        if abs(load - target) >= 1.0:
            found.append(
                SoftViolation(
                    "organisatie",
                    f"Organisatie {organisation} draagt {load:.1f} gewogen diensten, "
                    f"tegenover een aandeel van {target:.1f}.",
                )
            )
    return found


def _end(problem: RosterProblem) -> date:
    return problem.start + timedelta(days=problem.days)


def _duty(person: Person, requirement: Requirement, shift: Shift) -> Duty:
    return Duty(
        person.id,
        requirement.label,
        requirement.discipline,
        requirement.mode,
        shift.kind,
        shift.day,
        shift.start,
        shift.end,
    )


def _unfilled(
    problem: RosterProblem, shifts: list[Shift], duties: tuple[Duty, ...]
) -> list[Unfilled]:
    filled: dict[tuple[datetime, str], int] = {}
    for duty in duties:
        filled[duty.start, duty.requirement] = filled.get((duty.start, duty.requirement), 0) + 1
    result = []
    for shift in shifts:
        for requirement in problem.requirements:
            missing = requirement.count - filled.get((shift.start, requirement.label), 0)
            if missing > 0:
                result.append(
                    Unfilled(
                        requirement.label, shift.kind, shift.day, shift.start, shift.end, missing
                    )
                )
    return result


def _result(
    problem: RosterProblem,
    duties: tuple[Duty, ...],
    objective: int,
    bound: float | None,
    status: str,
    seconds: float,
    solver: str,
    first: float | None,
) -> RosterResult:
    shifts = anw_shifts(problem)
    targets = _targets(problem, shifts)
    weight_of = {s.start: shift_weight(problem, s) for s in shifts}
    unit = problem.weights.weekday_night
    counts = []
    for person in problem.persons:
        own = [d for d in duties if d.person_id == person.id]
        counts.append(
            PersonCount(
                person.id,
                person.name,
                person.organisation,
                len(own),
                sum(1 for d in own if d.kind != KIND_DAY),
                sum(1 for d in own if d.kind != KIND_WEEKDAY_NIGHT),
                sum(weight_of[d.start] for d in own) / unit,
                targets[person.id][0] / unit,
            )
        )
    unfilled = tuple(_unfilled(problem, shifts, duties))
    if unfilled and status in ("optimaal", "toegelaten"):
        status = "onvolledig"
    return RosterResult(
        duties,
        unfilled,
        tuple(counts),
        tuple(explain(problem, duties)),
        objective,
        bound,
        status,
        seconds,
        solver,
        first,
    )
