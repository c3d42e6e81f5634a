"""Independent checkers: every hard constraint of every returned solution, recomputed.

Why a separate module: a solver that models a rule wrongly would also verify it wrongly if
the check reused its code. These functions import only the input dataclasses and count
everything again from the raw instance, in the plainest way (runs are found by scanning, not
by windows; costs are summed directly). Tests and the benchmark fail on any violation.
"""

from __future__ import annotations

import itertools
import math
from collections import Counter
from dataclasses import dataclass
from datetime import datetime, timedelta

from mgz.core.calendar import TZ
from mgz.core.planning.assign import Assignment, AssignProblem
from mgz.core.planning.gap import GapInstance
from mgz.core.planning.nrp import NrpInstance
from mgz.core.planning.roster import Duty, RosterProblem


@dataclass(frozen=True)
class Violation:
    """A broken hard constraint: a stable code and a Dutch explanation."""

    code: str
    message: str


@dataclass(frozen=True)
class CheckResult:
    violations: tuple[Violation, ...]
    objective: int | None  # recomputed objective where the checker recomputes one

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


# --- ANW roster --------------------------------------------------------------------------------


def check_roster(problem: RosterProblem, duties: tuple[Duty, ...]) -> CheckResult:
    """Hard rules of an ANW roster, checked on the clock rather than on the model's shifts.

    Coverage is verified against the ANW calendar itself: for every requirement, every ANW
    moment from 08:00 on the first day to 08:00 after the last day must be covered by at
    least `count` duties. So a wrong shift table in the model cannot hide a gap.
    """
    problems: list[Violation] = []
    calendar = problem.calendar
    persons = {p.id: p for p in problem.persons}
    requirements = {r.label: r for r in problem.requirements}
    for duty in duties:
        person = persons.get(duty.person_id)
        requirement = requirements.get(duty.requirement)
        where = f"{duty.person_id} {duty.start:%d-%m %H:%M}"
        if person is None or requirement is None:
            problems.append(Violation("rooster-onbekend", f"{where}: onbekende persoon of eis"))
            continue
        if person.discipline != requirement.discipline or duty.discipline != requirement.discipline:
            problems.append(Violation("rooster-discipline", f"{where}: verkeerde discipline"))
        if (
            requirement.organisations is not None
            and person.organisation not in requirement.organisations
        ):
            problems.append(
                Violation(
                    "rooster-organisatie",
                    f"{where}: organisatie hoort niet bij {requirement.label}",
                )
            )
        if duty.mode != requirement.mode:
            problems.append(
                Violation(
                    "rooster-modus", f"{where}: modus {duty.mode}, verwacht {requirement.mode}"
                )
            )
        if duty.end <= duty.start:
            problems.append(Violation("rooster-tijd", f"{where}: eindigt niet na het begin"))
            continue
        if any(kind != "anw" for _, _, kind in calendar.periods(duty.start, duty.end)):
            problems.append(Violation("rooster-anw", f"{where}: dienst valt (deels) buiten ANW"))
        touched = {
            (duty.start.astimezone(TZ) + timedelta(hours=h)).date()
            for h in range(int((duty.end - duty.start).total_seconds() // 3600))
        }
        if touched & person.absences:
            problems.append(Violation("rooster-afwezig", f"{where}: dienst tijdens afwezigheid"))
    by_person: dict[str, list[Duty]] = {}
    for duty in duties:
        by_person.setdefault(duty.person_id, []).append(duty)
    for person_id, own in by_person.items():
        person = persons.get(person_id)
        if person is None:
            continue
        own.sort(key=lambda d: d.start)
        starts = Counter(d.start.astimezone(TZ).date() for d in own)
        for day, count in starts.items():
            if count > 1:
                problems.append(
                    Violation("rooster-per-dag", f"{person_id}: {count} diensten op {day}")
                )
        for before, after in itertools.pairwise(own):
            if after.start < before.end:
                problems.append(Violation("rooster-overlap", f"{person_id}: overlappende diensten"))
            spans_night = before.start.astimezone(TZ).date() != before.end.astimezone(TZ).date()
            rest = timedelta(hours=problem.rest_hours_after_night)
            if spans_night and after.start < before.end + rest:
                problems.append(
                    Violation(
                        "rooster-rust",
                        f"{person_id}: dienst {after.start:%d-%m %H:%M} binnen de rust na een nachtdienst",
                    )
                )
        if person.max_duties is not None and len(own) > person.max_duties:
            problems.append(
                Violation(
                    "rooster-maximum",
                    f"{person_id}: {len(own)} diensten, maximaal {person.max_duties}",
                )
            )
    window_start = datetime.combine(problem.start, calendar.weekday_end, TZ)
    window_end = datetime.combine(
        problem.start + timedelta(days=problem.days), calendar.weekday_end, TZ
    )
    for requirement in problem.requirements:
        own = [d for d in duties if d.requirement == requirement.label]
        for period_start, period_end in calendar.anw_periods(window_start, window_end):
            points = sorted(
                {period_start, period_end}
                | {d.start for d in own if period_start < d.start < period_end}
                | {d.end for d in own if period_start < d.end < period_end}
            )
            for left, right in itertools.pairwise(points):
                present = sum(1 for d in own if d.start <= left and d.end >= right)
                if present < requirement.count:
                    problems.append(
                        Violation(
                            "rooster-dekking",
                            f"{requirement.label}: {present} van {requirement.count} van "
                            f"{left.astimezone(TZ):%d-%m %H:%M} tot {right.astimezone(TZ):%d-%m %H:%M}",
                        )
                    )
    return CheckResult(tuple(problems), None)


# --- Vaste-huisarts assignment -----------------------------------------------------------------


def check_assignment(problem: AssignProblem, assignments: tuple[Assignment, ...]) -> CheckResult:
    """Each location once, to an existing practice within reach and within its capacity."""
    problems: list[Violation] = []
    practices = {p.id: p for p in problem.practices}
    locations = {loc.id: loc for loc in problem.locations}
    seen = Counter(a.location_id for a in assignments)
    for location_id in locations:
        if seen[location_id] != 1:
            problems.append(
                Violation(
                    "toewijzing-aantal", f"locatie {location_id} {seen[location_id]}× toegewezen"
                )
            )
    load = dict.fromkeys(practices, 0)
    cost = 0
    for a in assignments:
        practice, location = practices.get(a.practice_id), locations.get(a.location_id)
        if practice is None or location is None:
            problems.append(Violation("toewijzing-onbekend", f"{a.location_id} → {a.practice_id}"))
            continue
        distance = math.dist((practice.x_km, practice.y_km), (location.x_km, location.y_km))
        if distance > problem.max_distance_km:
            problems.append(
                Violation("toewijzing-afstand", f"{location.id} → {practice.id}: {distance:.1f} km")
            )
        load[practice.id] += location.patients
        cost += round(distance * 10) * problem.weights.per_100m
        if practice.id in location.ion_practices:
            cost -= problem.weights.ion_bonus
    peak = 0
    for practice_id, used in load.items():
        practice = practices[practice_id]
        room = max(0, math.floor(practice.fte * practice.wlz_per_fte) - practice.current_wlz)
        if used > room:
            problems.append(
                Violation(
                    "toewijzing-capaciteit", f"{practice_id}: {used} Wlz-cliënten, ruimte {room}"
                )
            )
        if room:
            peak = max(peak, math.ceil(100 * used / room))
    return CheckResult(tuple(problems), cost + problem.weights.balance * peak)
