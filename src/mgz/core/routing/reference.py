"""The reference implementation: the snapshot, scope.py and WeekPattern.covers, asked directly."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

from mgz.core.calendar import TZ, AnwCalendar
from mgz.core.routing.codes import DEFAULT_WINDOW_LIMIT, UnknownPatient
from mgz.core.routing.minutes import (
    ceil_minute,
    is_anw_minute,
    kind_boundaries,
    local_change_points,
    local_day,
    midnight_minute,
    pattern_boundaries,
    to_minute,
)
from mgz.core.routing.plan import plan_steps, validate_codes
from mgz.core.routing.results import RouteResult, Step, StepSpec, Who
from mgz.core.routing.steps import finish, make_step, rank_key, regie_professional, who_for
from mgz.core.scope import absence_at, arrangements_for_patient, valid_on
from mgz.core.snapshot import (
    ArrangementSnap,
    LocationSnap,
    PatientSnap,
    Snapshot,
)


@dataclass
class _Reference:
    snapshot: Snapshot
    patient: PatientSnap
    location: LocationSnap | None
    calendar: AnwCalendar
    candidates: list[ArrangementSnap] = field(default_factory=list)

    def who_at(self, arrangement: ArrangementSnap, minute: int) -> Who | None:
        moment = datetime.fromtimestamp(minute * 60, UTC)
        if not valid_on(arrangement, local_day(minute)):
            return None
        if not arrangement.pattern.covers(moment, self.calendar):
            return None
        if arrangement.professional_id is None:
            return who_for(self.snapshot, arrangement)
        absence = absence_at(self.snapshot, arrangement.professional_id, moment)
        if absence is None:
            return who_for(self.snapshot, arrangement)
        replacement_absent = (
            absence.replacement_id is not None
            and absence_at(self.snapshot, absence.replacement_id, moment) is not None
        )
        return who_for(self.snapshot, arrangement, absence, replacement_absent=replacement_absent)

    def regie_at(self, minute: int) -> int | None:
        team = self.snapshot.care_team_by_patient.get(self.patient.id, ())
        return regie_professional(team, local_day(minute))

    def ranked(self, spec: StepSpec, minute: int) -> list[ArrangementSnap]:
        found = [a for a in self.candidates if a.function in spec.functions]
        if spec.role == "regiebehandelaar":
            regie = self.regie_at(minute)
            found = [a for a in found if regie is not None and a.professional_id == regie]
        return sorted(found, key=lambda a: rank_key(a, spec.functions))

    def state(self, spec: StepSpec, minute: int) -> Step | None:
        """The step (without window) at a minute; None when an optional step has nobody."""
        anw = is_anw_minute(self.calendar, minute)
        for arrangement in self.ranked(spec, minute):
            who = self.who_at(arrangement, minute)
            if who is not None:
                return make_step(spec, anw, arrangement, who, (None, None))
        if not spec.required:
            return None
        return make_step(spec, anw, None, None, (None, None))


def find_patient(snapshot: Snapshot, patient_code: str) -> PatientSnap:
    by_code = snapshot.extra.get("patient_by_code")
    if by_code is None:
        by_code = {p.code: p for p in snapshot.patients}
        snapshot.extra["patient_by_code"] = by_code
    patient = by_code.get(patient_code)
    if patient is None:
        raise UnknownPatient(f"cliënt '{patient_code}' is niet bekend")
    return patient


def route_reference(
    snapshot: Snapshot,
    patient_code: str,
    moment: datetime,
    question: str,
    urgency: str,
    caller: str,
    *,
    window_limit: int = DEFAULT_WINDOW_LIMIT,
    every_minute: bool = False,
) -> RouteResult:
    """Route by asking the snapshot directly: scope.py, WeekPattern.covers and absences.

    Windows are found by walking outwards from the moment over the points at which anything
    may change (or, with `every_minute`, over every single minute: slow, for the tests).
    """
    validate_codes(question, urgency, caller)
    patient = find_patient(snapshot, patient_code)
    location = snapshot.location_by_id.get(patient.location_id) if patient.location_id else None
    calendar = snapshot.calendar_for(patient.region_id)
    t = to_minute(moment)
    ref = _Reference(snapshot, patient, location, calendar)
    ref.candidates = arrangements_for_patient(snapshot, patient)
    specs = plan_steps(patient, location, question, urgency, caller)
    lo, hi = t - window_limit, t + window_limit
    points = _reference_points(ref, lo, hi, every_minute)
    steps: list[Step | None] = []
    for spec in specs:
        if spec.role == "spoed":
            steps.append(make_step(spec, False, None, None, (None, None)))
            continue
        current = ref.state(spec, t)
        if current is None:
            steps.append(None)
            continue
        start, end = _walk(lambda m, spec=spec: ref.state(spec, m), current, t, points, lo, hi)
        steps.append(_with_window(current, start, end))
    regie = ref.regie_at(t)
    regie_prof = snapshot.professional_by_id.get(regie) if regie is not None else None
    local = datetime.fromtimestamp(t * 60, TZ)
    return finish(
        patient=patient,
        moment=t,
        anw=is_anw_minute(calendar, t),
        holiday=calendar.holiday_name(local.date()),
        question=question,
        urgency=urgency,
        caller=caller,
        location=location,
        specs=specs,
        steps=steps,
        regie_id=regie,
        regie_name=regie_prof.name if regie_prof else None,
    )


def _with_window(step: Step, start: int, end: int) -> Step:
    values = {name: getattr(step, name) for name in Step.__slots__}
    values.update(window_start=start, window_end=end)
    return Step(**values)


def _reference_points(ref: _Reference, lo: int, hi: int, every_minute: bool) -> list[int]:
    if every_minute:
        return list(range(lo, hi + 1))
    boundaries = set(kind_boundaries(ref.calendar))
    extra: set[int] = set()
    for arrangement in ref.candidates:
        boundaries |= pattern_boundaries(arrangement.pattern, ref.calendar)
        extra.add(midnight_minute(arrangement.valid_from))
        if arrangement.valid_to is not None:
            extra.add(midnight_minute(arrangement.valid_to + timedelta(days=1)))
        if arrangement.professional_id is not None:
            by_professional = ref.snapshot.absences_by_professional
            for absence in by_professional.get(arrangement.professional_id, ()):
                extra.add(ceil_minute(absence.start))
                extra.add(ceil_minute(absence.end))
                for other in by_professional.get(absence.replacement_id, ()):
                    extra.add(ceil_minute(other.start))
                    extra.add(ceil_minute(other.end))
    points = set(local_change_points(boundaries, lo - 1, hi + 2))
    points.update(p for p in extra if lo - 1 <= p <= hi + 1)
    return sorted(points)


def _walk(
    state: Callable[[int], Step | None],
    current: Step,
    t: int,
    points: list[int],
    lo: int,
    hi: int,
) -> tuple[int, int]:
    """The maximal [start, end) around t, within [lo, hi], on which state() equals current."""
    end = hi
    for point in points:
        if point <= t:
            continue
        if point >= hi:
            break
        if state(point) != current:
            end = point
            break
    start = lo
    below = [p for p in points if p <= t]
    # state is constant on [p_k, p_k+1): walk the segments below t downwards.
    for index in range(len(below) - 1, -1, -1):
        segment_start = below[index]
        if segment_start <= lo:
            break
        previous = segment_start - 1
        if state(previous) != current:
            start = segment_start
            break
    return start, end
