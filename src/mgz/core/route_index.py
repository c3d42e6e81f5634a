"""A precomputed routing index: the answers of `route_reference()` in microseconds.

Built once from a Snapshot for a horizon of weeks. For every arrangement it holds a timeline:
the sorted, merged minute intervals in which the arrangement holds (pattern x calendar x
validity), each labelled with who answers (the provider or, during an absence, the
replacement). For every patient it holds the candidate arrangements per function, already in
rank order (shared by all patients with the same location, region and sector). A lookup is
then a handful of binary searches; nothing is scanned.

Moments whose window reaches outside the horizon fall back to the reference implementation,
which gives the same answer, only slower.
"""

from __future__ import annotations

import dataclasses
from bisect import bisect_right
from collections import defaultdict
from datetime import datetime, timedelta
from itertools import pairwise

from mgz.core.calendar import AnwCalendar
from mgz.core.routing import (
    CALLERS,
    DEFAULT_WINDOW_LIMIT,
    EMERGENCY_URGENCIES,
    QUESTIONS,
    SCOPE_RANK,
    URGENCIES,
    RouteResult,
    Step,
    StepSpec,
    UnknownPatient,
    Who,
    ceil_minute,
    finish,
    is_anw_minute,
    kind_boundaries,
    local_change_points,
    local_day,
    make_step,
    met_behandeling,
    midnight_minute,
    needs_avg,
    pattern_intervals,
    plan_steps,
    regie_professional,
    route_reference,
    to_minute,
    validate_codes,
    who_for,
)
from mgz.core.scope import MODE_STRENGTH, arrangements_for_patient
from mgz.core.snapshot import AbsenceSnap, ArrangementSnap, LocationSnap, PatientSnap, Snapshot

# Snapshot lookups that do not depend on absences (kept when absences are replaced).
SHARED_LOOKUPS = (
    "region_by_id",
    "organisation_by_id",
    "location_by_id",
    "professional_by_id",
    "patient_by_id",
    "care_team_by_patient",
    "patients_by_location",
)


class Timeline:
    """Sorted, disjoint [start, end) minute intervals with who answers in each."""

    __slots__ = ("ends", "starts", "whos")

    def __init__(self, starts: list[int], ends: list[int], whos: list[Who]) -> None:
        self.starts, self.ends, self.whos = starts, ends, whos


class Candidate:
    __slots__ = ("arrangement", "timeline")

    def __init__(self, arrangement: ArrangementSnap, timeline: Timeline) -> None:
        self.arrangement, self.timeline = arrangement, timeline


class Periods:
    """Day/ANW runs of one calendar: starts[i] begins a run that is ANW when anw[i]."""

    __slots__ = ("anw", "end", "starts")

    def __init__(self, starts: list[int], anw: list[bool], end: int) -> None:
        self.starts, self.anw, self.end = starts, anw, end


class PatientEntry:
    __slots__ = (
        "calendar",
        "candidates",
        "location",
        "patient",
        "periods",
        "plan_key",
        "regie",
        "regie_ends",
        "regie_people",
        "regie_starts",
    )

    def __init__(self, patient, location, calendar, periods, candidates, plan_key) -> None:
        self.patient, self.location, self.calendar = patient, location, calendar
        self.periods, self.candidates, self.plan_key = periods, candidates, plan_key
        self.regie = ()
        # the regiebehandelaar as runs of minutes: [starts[i], ends[i]) -> people[i] (or None)
        self.regie_starts: list[int] = []
        self.regie_ends: list[int] = []
        self.regie_people: list[int | None] = []


def _candidate_order(arrangement: ArrangementSnap) -> tuple:
    return (
        -MODE_STRENGTH[arrangement.mode],
        SCOPE_RANK.get(arrangement.scope_kind, 9),
        arrangement.code,
    )


class RouteIndex:
    """Routing answers for one snapshot over [start - margin, start + weeks + margin)."""

    def __init__(
        self,
        snapshot: Snapshot,
        *,
        start: datetime,
        weeks: int = 5,
        window_limit: int = DEFAULT_WINDOW_LIMIT,
    ) -> None:
        self.snapshot = snapshot
        self.window_limit = window_limit
        origin = to_minute(start)
        margin = window_limit + 24 * 60
        self.horizon_start = origin - margin
        self.horizon_end = origin + weeks * 7 * 24 * 60 + margin
        self._patterns: dict[tuple, tuple[list[int], list[int]]] = {}
        self._timelines: dict[tuple[int, int], Timeline] = {}
        self._periods: dict[int, Periods] = {}
        self._plans: dict[tuple, tuple[StepSpec, ...]] = {}
        self._patients: dict[str, PatientEntry] = {}
        self._candidates: dict[tuple[int, int], Candidate] = {}
        self._calendars: dict[int, AnwCalendar] = {}
        self._midnights: dict = {}
        self._regie_lists: dict[tuple, tuple[Candidate, ...]] = {}
        self._build()

    # --- building -----------------------------------------------------------------------

    def _build(self) -> None:
        snapshot = self.snapshot
        own: dict[int, list[ArrangementSnap]] = defaultdict(list)
        for arrangement in snapshot.arrangements:
            if arrangement.scope_kind == "patienten":
                for patient_id in arrangement.patient_ids:
                    own[patient_id].append(arrangement)
        groups: dict[tuple, dict[str, tuple[Candidate, ...]]] = {}
        merges: dict[tuple, dict[str, tuple[Candidate, ...]]] = {}
        regie: dict[int, list] = defaultdict(list)
        for member in snapshot.care_team:
            if member.role == "regiebehandelaar":
                regie[member.patient_id].append(member)
        calendars: dict[int, AnwCalendar] = {}
        for patient in snapshot.patients:
            location = (
                snapshot.location_by_id.get(patient.location_id) if patient.location_id else None
            )
            calendar = calendars.get(patient.region_id)
            if calendar is None:
                calendar = calendars[patient.region_id] = snapshot.calendar_for(patient.region_id)
            key = (patient.location_id, patient.region_id, patient.sector)
            base = groups.get(key)
            if base is None:
                shared = dataclasses.replace(patient, id=-1)
                base = self._by_function(arrangements_for_patient(snapshot, shared), calendar)
                groups[key] = base
            candidates = base
            extras = own.get(patient.id)
            if extras:
                merge_key = (key, *sorted(a.id for a in extras))
                candidates = merges.get(merge_key)
                if candidates is None:
                    merged: dict[str, list[Candidate]] = {f: list(c) for f, c in base.items()}
                    for arrangement in extras:
                        merged.setdefault(arrangement.function, []).append(
                            self._candidate(arrangement, calendar)
                        )
                    candidates = {
                        f: tuple(sorted(c, key=lambda c: _candidate_order(c.arrangement)))
                        for f, c in merged.items()
                    }
                    merges[merge_key] = candidates
            entry = PatientEntry(
                patient,
                location,
                calendar,
                self._periods_for(calendar),
                candidates,
                (
                    patient.sector,
                    needs_avg(patient),
                    met_behandeling(patient, location),
                    location is not None,
                ),
            )
            members = regie.get(patient.id)
            if members:
                self._regie_runs(entry, tuple(members))
            self._patients[patient.code] = entry

    def _regie_runs(self, entry: PatientEntry, members: tuple) -> None:
        """Who is regiebehandelaar when, as minute runs over the horizon (day granularity)."""
        entry.regie = members
        first = local_day(self.horizon_start)
        last = local_day(self.horizon_end - 1) + timedelta(days=1)
        days = {first}
        for member in members:
            for day in (member.start, member.end + timedelta(days=1) if member.end else None):
                if day is not None and first < day < last:
                    days.add(day)
        starts, ends, people = entry.regie_starts, entry.regie_ends, entry.regie_people
        for day in sorted(days):
            person = regie_professional(members, day)
            if people and people[-1] == person:
                continue
            minute = max(self.horizon_start, self._midnight(day))
            if starts:
                ends.append(minute)
            starts.append(minute)
            people.append(person)
        ends.append(self.horizon_end)

    def _midnight(self, day) -> int:
        found = self._midnights.get(day)
        if found is None:
            found = self._midnights[day] = midnight_minute(day)
        return found

    def _candidate(self, arrangement: ArrangementSnap, calendar: AnwCalendar) -> Candidate:
        key = (arrangement.id, id(calendar))
        found = self._candidates.get(key)
        if found is None:
            found = Candidate(arrangement, self._timeline(arrangement, calendar))
            self._candidates[key] = found
            self._calendars[id(calendar)] = calendar
        return found

    def replace_absences(self, absences: tuple[AbsenceSnap, ...]) -> set[int]:
        """Take a new list of all absences; recompute only the timelines it changes.

        Returns the professionals whose absences changed. The arrangements touched are theirs
        and those of anybody whose absence names one of them as replacement (a replacement's
        own absence leaves nobody). Each candidate gets its new timeline in one assignment,
        so a concurrent lookup sees either the old or the new one.
        """
        before = self.snapshot.absences_by_professional
        snapshot = dataclasses.replace(self.snapshot, absences=tuple(absences))
        for name in SHARED_LOOKUPS:  # unchanged by absences: keep them instead of rebuilding
            if name in self.snapshot.__dict__:
                snapshot.__dict__[name] = self.snapshot.__dict__[name]
        after = snapshot.absences_by_professional
        changed = {p for p in before.keys() | after.keys() if before.get(p) != after.get(p)}
        self.snapshot = snapshot
        if not changed:
            return changed
        people = set(changed)
        for grouped in (before, after):
            for professional_id, found in grouped.items():
                if any(a.replacement_id in changed for a in found):
                    people.add(professional_id)
        for key, candidate in self._candidates.items():
            if candidate.arrangement.professional_id in people:
                self._timelines.pop(key, None)
                candidate.timeline = self._timeline(candidate.arrangement, self._calendars[key[1]])
        return changed

    def _by_function(
        self, arrangements: list[ArrangementSnap], calendar: AnwCalendar
    ) -> dict[str, tuple[Candidate, ...]]:
        grouped: dict[str, list[ArrangementSnap]] = defaultdict(list)
        for arrangement in arrangements:
            grouped[arrangement.function].append(arrangement)
        return {
            function: tuple(
                self._candidate(a, calendar) for a in sorted(found, key=_candidate_order)
            )
            for function, found in grouped.items()
        }

    def _periods_for(self, calendar: AnwCalendar) -> Periods:
        periods = self._periods.get(id(calendar))
        if periods is None:
            points = local_change_points(
                kind_boundaries(calendar), self.horizon_start, self.horizon_end
            )
            if not points or points[0] != self.horizon_start:
                points.insert(0, self.horizon_start)
            starts: list[int] = []
            anw: list[bool] = []
            for point in points:
                value = is_anw_minute(calendar, point)
                if not anw or anw[-1] != value:
                    starts.append(point)
                    anw.append(value)
            periods = Periods(starts, anw, self.horizon_end)
            self._periods[id(calendar)] = periods
        return periods

    def _pattern(self, arrangement: ArrangementSnap, calendar: AnwCalendar):
        key = (arrangement.pattern, id(calendar))
        found = self._patterns.get(key)
        if found is None:
            intervals = pattern_intervals(
                arrangement.pattern, calendar, self.horizon_start, self.horizon_end
            )
            found = ([a for a, _ in intervals], [b for _, b in intervals])
            self._patterns[key] = found
        return found

    def _timeline(self, arrangement: ArrangementSnap, calendar: AnwCalendar) -> Timeline:
        key = (arrangement.id, id(calendar))
        timeline = self._timelines.get(key)
        if timeline is not None:
            return timeline
        starts, ends = self._pattern(arrangement, calendar)
        low = max(self.horizon_start, midnight_minute(arrangement.valid_from))
        high = self.horizon_end
        if arrangement.valid_to is not None:
            high = min(high, midnight_minute(arrangement.valid_to + timedelta(days=1)))
        if starts and (starts[0] < low or ends[-1] > high):
            clipped = [(max(a, low), min(b, high)) for a, b in zip(starts, ends, strict=True)]
            clipped = [(a, b) for a, b in clipped if a < b]
            starts, ends = [a for a, _ in clipped], [b for _, b in clipped]
        own = who_for(self.snapshot, arrangement)
        absences = []
        if arrangement.professional_id is not None:
            absences = self._minutes(arrangement.professional_id)
        if not any(s < high and e > low for s, e, _ in absences):
            timeline = Timeline(starts, ends, [own] * len(starts))
        else:
            timeline = self._with_absences(arrangement, own, starts, ends, absences)
        self._timelines[key] = timeline
        return timeline

    def _minutes(self, professional_id: int | None) -> list:
        """A professional's absences as [start, end) minutes, in snapshot order."""
        found = self.snapshot.absences_by_professional.get(professional_id, ())
        return [(ceil_minute(a.start), ceil_minute(a.end), a) for a in found]

    def _with_absences(self, arrangement, own, starts, ends, absences) -> Timeline:
        replacing = {
            index: self._minutes(absence.replacement_id)
            for index, (_, _, absence) in enumerate(absences)
        }
        cuts = {p for a in absences for p in a[:2]}
        for found in replacing.values():
            cuts.update(p for a in found for p in a[:2])
        cuts = sorted(cuts)
        pieces: list[tuple[int, int, Who]] = []
        for start, end in zip(starts, ends, strict=True):
            points = [start] + [c for c in cuts if start < c < end] + [end]
            for a, b in pairwise(points):
                who: Who | None = own
                # the first absence in snapshot order wins, as in scope.absence_at
                for index, (s, e, absence) in enumerate(absences):
                    if s <= a < e:
                        away = any(rs <= a < re for rs, re, _ in replacing[index])
                        who = who_for(self.snapshot, arrangement, absence, replacement_absent=away)
                        break
                if who is None:
                    continue
                if pieces and pieces[-1][1] == a and pieces[-1][2] == who:
                    pieces[-1] = (pieces[-1][0], b, who)
                else:
                    pieces.append((a, b, who))
        return Timeline([p[0] for p in pieces], [p[1] for p in pieces], [p[2] for p in pieces])

    # --- looking up ---------------------------------------------------------------------

    def __contains__(self, patient_code: str) -> bool:
        return patient_code in self._patients

    def covers_moment(self, moment: datetime) -> bool:
        t = to_minute(moment)
        return (
            self.horizon_start <= t - self.window_limit
            and t + self.window_limit <= self.horizon_end
        )

    def route(
        self,
        patient_code: str,
        moment: datetime,
        question: str,
        urgency: str,
        caller: str,
    ) -> RouteResult:
        """Same contract and answers as `route_reference()`."""
        if question not in QUESTIONS or urgency not in URGENCIES or caller not in CALLERS:
            validate_codes(question, urgency, caller)
        entry = self._patients.get(patient_code)
        if entry is None:
            raise UnknownPatient(f"cliënt '{patient_code}' is niet bekend")
        t = to_minute(moment)
        limit = self.window_limit
        if not (self.horizon_start <= t - limit and t + limit <= self.horizon_end):
            return route_reference(
                self.snapshot, patient_code, moment, question, urgency, caller, window_limit=limit
            )
        periods = entry.periods
        i = bisect_right(periods.starts, t) - 1
        anw = periods.anw[i]
        # Steps whose clauses differ by day and ANW change at the period boundary.
        low = max(t - limit, periods.starts[i])
        high = t + limit
        if i + 1 < len(periods.starts) and periods.starts[i + 1] < high:
            high = periods.starts[i + 1]
        free_low, free_high = t - limit, t + limit
        plan_key = (*entry.plan_key, question, urgency in EMERGENCY_URGENCIES, caller)
        specs = self._plans.get(plan_key)
        if specs is None:
            specs = plan_steps(entry.patient, entry.location, question, urgency, caller)
            self._plans[plan_key] = specs
        regie_id = None
        if entry.regie:
            r = bisect_right(entry.regie_starts, t) - 1
            regie_id = entry.regie_people[r]
        steps: list[Step | None] = []
        for spec in specs:
            if spec.role == "spoed":
                steps.append(make_step(spec, anw, None, None, (None, None)))
                continue
            if spec.clauses_day != spec.clauses_anw or spec.gap_day != spec.gap_anw:
                s_low, s_high = low, high
            else:
                s_low, s_high = free_low, free_high
            if spec.role == "regiebehandelaar":
                if regie_id is None:
                    steps.append(None)
                    continue
                candidates = self._regie_candidates(entry, spec, regie_id)
                if entry.regie_starts[r] > s_low:
                    s_low = entry.regie_starts[r]
                if entry.regie_ends[r] < s_high:
                    s_high = entry.regie_ends[r]
            elif len(spec.functions) == 1:
                candidates = entry.candidates.get(spec.functions[0], ())
            else:
                candidates = ()
                for function in spec.functions:
                    candidates += entry.candidates.get(function, ())
            chosen = None
            who = None
            for candidate in candidates:
                timeline = candidate.timeline
                starts = timeline.starts
                j = bisect_right(starts, t) - 1
                if j >= 0:
                    end = timeline.ends[j]
                    if t < end:
                        if starts[j] > s_low:
                            s_low = starts[j]
                        if end < s_high:
                            s_high = end
                        chosen, who = candidate.arrangement, timeline.whos[j]
                        break
                    if end > s_low:
                        s_low = end
                if j + 1 < len(starts) and starts[j + 1] < s_high:
                    s_high = starts[j + 1]
            if chosen is None and not spec.required:
                steps.append(None)
                continue
            steps.append(make_step(spec, anw, chosen, who, (s_low, s_high)))
        regie_name = None
        if regie_id is not None:
            professional = self.snapshot.professional_by_id.get(regie_id)
            regie_name = professional.name if professional else None
        return finish(
            patient=entry.patient,
            moment=t,
            anw=anw,
            holiday=entry.calendar.holiday_name(local_day(t)) if anw else None,
            question=question,
            urgency=urgency,
            caller=caller,
            location=entry.location,
            specs=specs,
            steps=steps,
            regie_id=regie_id,
            regie_name=regie_name,
        )

    def _regie_candidates(self, entry: PatientEntry, spec: StepSpec, regie_id: int):
        key = (id(entry.candidates), regie_id)
        found = self._regie_lists.get(key)
        if found is None:
            found = ()
            for function in spec.functions:
                found += tuple(
                    c
                    for c in entry.candidates.get(function, ())
                    if c.arrangement.professional_id == regie_id
                )
            self._regie_lists[key] = found
        return found

    def patient_location(self, patient_code: str) -> LocationSnap | None:
        entry = self._patients.get(patient_code)
        return entry.location if entry else None

    def patient(self, patient_code: str) -> PatientSnap | None:
        entry = self._patients.get(patient_code)
        return entry.patient if entry else None
