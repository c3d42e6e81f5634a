"""Coverage: in which slots of the grid a function is carried for a patient or a location.

Most patients share the arrangements of their location, so coverage is computed per *group*
of patients with the same applicable arrangements (same location, region, sector and
patient-specific arrangements) and reused for every patient in the group. Masks per
arrangement and per (pattern, calendar) are cached as well: the number of distinct patterns
is small. The slot-by-slot meaning is `WeekPattern.covers`, `scope.valid_on` and
`scope.provider_present`; the tests hold a plain reference implementation built on those.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable
from datetime import date, timedelta
from typing import Any

import numpy as np

from mgz.core.calendar import AnwCalendar
from mgz.core.grid import Grid
from mgz.core.scope import (
    MODE_STRENGTH,
    _scope_index,
    arrangements_for_location,
    arrangements_for_patient,
)
from mgz.core.snapshot import ArrangementSnap, LocationSnap, PatientSnap, Snapshot

# Provider filters: who must carry an arrangement for it to count.
ANY = None
HAP = "hap"  # a service of a HAP organisation
PRAKTIJK = "praktijk"  # a huisartsenpraktijk, or a huisarts in person ("vaste huisarts")
NOT_HAP = "niet_hap"  # anybody but a HAP (the residence's own voorwacht or triage)


def provider_matches(snapshot: Snapshot, arrangement: ArrangementSnap, provider: Any) -> bool:
    """Whether the arrangement's provider passes a filter (ANY, HAP, NOT_HAP, PRAKTIJK, ("org", id))."""
    if provider is None:
        return True
    org = (
        snapshot.organisation_by_id.get(arrangement.provider_organisation_id)
        if arrangement.provider_organisation_id is not None
        else None
    )
    if provider == HAP:
        return org is not None and org.kind == "hap"
    if provider == NOT_HAP:
        return org is None or org.kind != "hap"
    if provider == PRAKTIJK:
        if org is not None and org.kind == "huisartsenpraktijk":
            return True
        person = (
            snapshot.professional_by_id.get(arrangement.professional_id)
            if arrangement.professional_id is not None
            else None
        )
        return person is not None and person.discipline == "huisarts"
    if isinstance(provider, tuple) and provider[0] == "org":
        return arrangement.provider_organisation_id == provider[1]
    raise ValueError(f"onbekend aanbiederfilter {provider!r}")


def counts_for(
    snapshot: Snapshot,
    arrangement: ArrangementSnap,
    functions: tuple[str, ...],
    mode: str,
    provider: Any = ANY,
) -> bool:
    """Whether an arrangement serves one of the functions in at least the required mode."""
    return (
        arrangement.function in functions
        and MODE_STRENGTH[arrangement.mode] >= MODE_STRENGTH[mode]
        and provider_matches(snapshot, arrangement, provider)
    )


class Coverage:
    """Cached coverage for one snapshot and one grid.

    Masks are Python integers used as bitsets (bit i = slot i): OR, AND and NOT of 2,688-bit
    integers cost well under a microsecond, far less than NumPy calls on such short arrays, so
    thousands of groups of patients are cheap. `to_array` turns one back into NumPy.
    """

    def __init__(self, snapshot: Snapshot, grid: Grid) -> None:
        self.snapshot = snapshot
        self.grid = grid
        self.size = grid.size
        self.full = (1 << grid.size) - 1
        self.empty = 0
        self._scope = _scope_index(snapshot)
        self._pattern: dict[tuple, int] = {}
        self._arrangement: dict[tuple[int, AnwCalendar], int] = {}
        self._presence: dict[int, int] = {}
        self._absent: dict[int, np.ndarray] = {}
        self._group_ids: dict[tuple, int] = {}
        self._group_key: dict[int, int] = {}
        self._group_arrangements: dict[int, tuple[ArrangementSnap, ...]] = {}
        self._location_arrangements: dict[int, tuple[ArrangementSnap, ...]] = {}
        self._cover: dict[tuple, int] = {}
        self._counts: dict[tuple, dict[int, bool]] = {}
        self._regie: dict[int, tuple] = {}
        self._regie_complete = False
        self._segment_masks: dict[tuple, int] = {}
        self._memo: dict[Hashable, Any] = {}
        self._anw: dict[int | None, int] = {}
        self._day: dict[int | None, int] = {}
        self._own: dict[int, tuple[ArrangementSnap, ...]] = {}
        self._shared: dict[tuple, tuple[ArrangementSnap, ...]] = {}
        self._function_groups: dict[tuple, int] = {}
        self._function_group_ids: dict[tuple, int] = {}
        self._signature: dict[tuple, int] = {}
        self._signature_groups: dict[int, int] = {}
        self._signature_group_ids: dict[tuple, int] = {}
        self._by_function: dict[int, tuple] = {}
        self._signature_ids: dict[tuple, int] = {}

    # bitsets ---------------------------------------------------------------------------
    def to_int(self, mask: np.ndarray) -> int:
        return int.from_bytes(np.packbits(mask, bitorder="little").tobytes(), "little")

    def to_array(self, bits: int) -> np.ndarray:
        raw = np.frombuffer((bits & self.full).to_bytes((self.size + 7) // 8, "little"), np.uint8)
        return np.unpackbits(raw, bitorder="little")[: self.size].astype(bool)

    def slot_range(self, lo: int, hi: int) -> int:
        """Bits lo .. hi-1."""
        return ((1 << hi) - 1) ^ ((1 << lo) - 1) if hi > lo else 0

    # calendars -----------------------------------------------------------------------
    def calendar(self, region_id: int | None) -> AnwCalendar:
        return self.snapshot.calendar_for(region_id)

    def anw(self, region_id: int | None) -> int:
        found = self._anw.get(region_id)
        if found is None:
            calendar = self.calendar(region_id)
            found = self._memo.get(("anw", calendar))
            if found is None:
                found = self._memo[("anw", calendar)] = self.to_int(self.grid.masks(calendar).anw)
            self._anw[region_id] = found
            self._day[region_id] = self.full ^ found
        return found

    def day(self, region_id: int | None) -> int:
        found = self._day.get(region_id)
        if found is None:
            self.anw(region_id)
            found = self._day[region_id]
        return found

    # one arrangement -----------------------------------------------------------------
    def pattern_bits(self, pattern, calendar: AnwCalendar) -> int:
        key = (pattern, calendar)
        found = self._pattern.get(key)
        if found is None:
            found = self._pattern[key] = self.to_int(self.grid.pattern_mask(pattern, calendar))
        return found

    def arrangement_mask(self, arrangement: ArrangementSnap, calendar: AnwCalendar) -> int:
        """Slots in which the arrangement holds: pattern, validity dates and absences."""
        key = (arrangement.id, calendar)
        cached = self._arrangement.get(key)
        if cached is not None:
            return cached
        mask = self.pattern_bits(arrangement.pattern, calendar)
        if not self.grid.standard:
            mask &= self.slot_range(
                *self.grid.day_range(arrangement.valid_from, arrangement.valid_to)
            )
            if arrangement.professional_id is not None:
                mask &= self.presence(arrangement.professional_id)
        self._arrangement[key] = mask
        return mask

    def absent(self, professional_id: int) -> np.ndarray:
        """Slots in which the professional is absent (any absence)."""
        cached = self._absent.get(professional_id)
        if cached is not None:
            return cached
        mask = np.zeros(self.grid.size, dtype=bool)
        for absence in self.snapshot.absences_by_professional.get(professional_id, ()):
            a = self.grid.slot_at_or_after(absence.start)
            b = self.grid.slot_at_or_after(absence.end)
            mask[a:b] = True
        self._absent[professional_id] = mask
        return mask

    def presence(self, professional_id: int) -> int:
        """Slots in which the professional's arrangements count (present, or replaced)."""
        cached = self._presence.get(professional_id)
        if cached is not None:
            return cached
        absences = self.snapshot.absences_by_professional.get(professional_id, ())
        if not absences:
            self._presence[professional_id] = self.full
            return self.full
        mask = np.ones(self.grid.size, dtype=bool)
        # The first matching absence decides (as scope.absence_at): apply them last-to-first.
        for absence in reversed(absences):
            a = self.grid.slot_at_or_after(absence.start)
            b = self.grid.slot_at_or_after(absence.end)
            if absence.replacement_id is None:
                mask[a:b] = False
            else:
                mask[a:b] = ~self.absent(absence.replacement_id)[a:b]
        found = self._presence[professional_id] = self.to_int(mask)
        return found

    # groups of patients ----------------------------------------------------------------
    def group_key(self, patient: PatientSnap) -> int:
        """Patients with equal keys have exactly the same applicable arrangements."""
        key = self._group_key.get(patient.id)
        if key is None:
            own = self._scope.get(("patient", patient.id))
            own_ids = tuple(sorted(a.id for a in own)) if own else ()
            full_key = (patient.location_id, patient.region_id, patient.sector, own_ids)
            key = self._group_ids.get(full_key)
            if key is None:
                key = self._group_ids[full_key] = len(self._group_ids)
                self._own[key] = tuple(own or ())
            self._group_key[patient.id] = key
        return key

    def function_group(self, patient: PatientSnap, functions: tuple[str, ...]) -> int:
        """Like `group_key`, but only the patient's own arrangements for `functions` count,
        and those only by what decides the coverage (`signature`): patients at home with
        different arrangements for other functions, or with different arrangements that
        give the same hours by the same kind of provider, share it."""
        group = self.group_key(patient)
        key = (group, functions)
        found = self._function_groups.get(key)
        if found is None:
            region_id = patient.region_id
            own = tuple(
                sorted(
                    {
                        self.signature(a, region_id)
                        for a in self._own[group]
                        if a.function in functions
                    }
                )
            )
            full_key = (patient.location_id, region_id, patient.sector, functions, own)
            found = self._function_group_ids.setdefault(full_key, len(self._function_group_ids))
            self._function_groups[key] = found
        return found

    def signature_group(self, patient: PatientSnap) -> int:
        """Like `group_key`, but the patient's own arrangements count by `signature` only:
        patients at home whose practices, HAP and triage give the same hours by the same
        kind of provider share it, and so share every coverage (`patient_cover`)."""
        group = self.group_key(patient)
        found = self._signature_groups.get(group)
        if found is None:
            region_id = patient.region_id
            own = self.own_signatures(self._own[group], region_id)
            full_key = (patient.location_id, region_id, patient.sector, own)
            found = self._signature_group_ids.setdefault(full_key, len(self._signature_group_ids))
            self._signature_groups[group] = found
        return found

    def own_signatures(
        self, own: Iterable[ArrangementSnap], region_id: int | None
    ) -> tuple[int, ...]:
        """The sorted distinct `signature`s of a patient's own arrangements."""
        known = self._signature
        found = set()
        for arrangement in own:
            value = known.get((arrangement.id, region_id))
            if value is None:
                value = self.signature(arrangement, region_id)
            found.add(value)
        return tuple(sorted(found))

    def signature(self, arrangement: ArrangementSnap, region_id: int | None) -> int:
        """A number equal for arrangements that count for the same patient filters (ANY,
        HAP, NOT_HAP, PRAKTIJK; see `provider_matches`) in the same slots: function, mode,
        the kind of the provider organisation, whether the professional is a huisarts, and
        the mask in the region's calendar. Not the organisation itself: ("org", id) is a
        filter for locations only (`patient_cover` refuses it)."""
        key = (arrangement.id, region_id)
        found = self._signature.get(key)
        if found is None:
            org = (
                self.snapshot.organisation_by_id.get(arrangement.provider_organisation_id)
                if arrangement.provider_organisation_id is not None
                else None
            )
            person = (
                self.snapshot.professional_by_id.get(arrangement.professional_id)
                if arrangement.professional_id is not None
                else None
            )
            value = (
                arrangement.function,
                arrangement.mode,
                org.kind if org is not None else None,
                person is not None and person.discipline == "huisarts",
                self.arrangement_mask(arrangement, self.calendar(region_id)),
            )
            found = self._signature_ids.setdefault(value, len(self._signature_ids))
            self._signature[key] = found
        return found

    def patient_arrangements(self, patient: PatientSnap) -> tuple[ArrangementSnap, ...]:
        key = self.group_key(patient)
        found = self._group_arrangements.get(key)
        if found is None:
            found = self.shared_arrangements(patient) + self._own[key]
            self._group_arrangements[key] = found
        return found

    def shared_arrangements(self, patient: PatientSnap) -> tuple[ArrangementSnap, ...]:
        """The arrangements that apply to the patient through location, region and sector:
        `arrangements_for_patient` without the patient's own ("patienten") arrangements,
        equal for every patient with the same (location, region, sector)."""
        key = (patient.location_id, patient.region_id, patient.sector)
        found = self._shared.get(key)
        if found is None:
            found = self._shared[key] = tuple(
                a
                for a in arrangements_for_patient(self.snapshot, patient)
                if a.scope_kind != "patienten"
            )
        return found

    def _of_functions(
        self, arrangements: tuple[ArrangementSnap, ...], functions: tuple[str, ...]
    ) -> list[ArrangementSnap]:
        """The arrangements for one of `functions` (the others never count), through an
        index per tuple of arrangements: a location has dozens, for many functions."""
        by_function = self._by_function.get(id(arrangements))
        if by_function is None or by_function[0] is not arrangements:
            grouped: dict[str, list[ArrangementSnap]] = {}
            for arrangement in arrangements:
                grouped.setdefault(arrangement.function, []).append(arrangement)
            by_function = self._by_function[id(arrangements)] = (arrangements, grouped)
        grouped = by_function[1]
        if len(functions) == 1:
            return grouped.get(functions[0], [])
        return [a for function in functions for a in grouped.get(function, ())]

    def location_arrangements(self, location: LocationSnap) -> tuple[ArrangementSnap, ...]:
        found = self._location_arrangements.get(location.id)
        if found is None:
            found = tuple(arrangements_for_location(self.snapshot, location))
            self._location_arrangements[location.id] = found
        return found

    def _union(
        self,
        key: tuple,
        arrangements: Iterable[ArrangementSnap],
        region_id: int | None,
        functions: tuple[str, ...],
        mode: str,
        provider: Any,
    ) -> int:
        if key is not None:
            cached = self._cover.get(key)
            if cached is not None:
                return cached
        calendar = self.calendar(region_id)
        # Whether an arrangement counts is the same in every group it belongs to.
        counts = self._counts.get((functions, mode, provider))
        if counts is None:
            counts = self._counts[(functions, mode, provider)] = {}
        mask = 0
        for arrangement in arrangements:
            ok = counts.get(arrangement.id)
            if ok is None:
                ok = counts[arrangement.id] = counts_for(
                    self.snapshot, arrangement, functions, mode, provider
                )
            if ok:
                mask |= self.arrangement_mask(arrangement, calendar)
        if key is not None:
            self._cover[key] = mask
        return mask

    def patient_cover(
        self, patient: PatientSnap, functions: tuple[str, ...], mode: str, provider: Any = ANY
    ) -> int:
        """Slots in which one of the functions is carried for the patient in `mode` or better."""
        key = ("p", self.function_group(patient, functions), mode, provider)
        cached = self._cover.get(key)
        if cached is not None:
            return cached
        if isinstance(provider, tuple):
            # Groups of patients share coverage by the kind of provider, not by which one.
            raise ValueError(f"aanbiederfilter {provider!r} geldt alleen voor locaties")
        # The union over the shared arrangements (often dozens: region, organisation,
        # location) is made once per (location, region, sector); only the patient's own
        # arrangements are added per group. Most groups at home differ only in those.
        mask = self._union(
            (
                "s",
                patient.location_id,
                patient.region_id,
                patient.sector,
                functions,
                mode,
                provider,
            ),
            self._of_functions(self.shared_arrangements(patient), functions),
            patient.region_id,
            functions,
            mode,
            provider,
        )
        own = self._own[self.group_key(patient)]
        if own:
            mask |= self._union(None, own, patient.region_id, functions, mode, provider)
        self._cover[key] = mask
        return mask

    def location_cover(
        self, location: LocationSnap, functions: tuple[str, ...], mode: str, provider: Any = ANY
    ) -> int:
        return self._union(
            ("l", location.id, functions, mode, provider),
            self._of_functions(self.location_arrangements(location), functions),
            location.region_id,
            functions,
            mode,
            provider,
        )

    # the care team ---------------------------------------------------------------------
    def regie(self, patient: PatientSnap) -> tuple[tuple[int, int, str], ...]:
        """Regiebehandelaar per stretch of local days: ((first, last, discipline), ...)."""
        cached = self._regie.get(patient.id)
        if cached is not None:
            return cached
        if self._regie_complete:
            return ()
        segments = []
        for member in self.snapshot.care_team_by_patient.get(patient.id, ()):
            if member.role != "regiebehandelaar":
                continue
            span = self.day_span(member.start, member.end)
            if span is None:
                continue
            person = self.snapshot.professional_by_id.get(member.professional_id)
            segments.append((*span, person.discipline if person else ""))
        result = tuple(sorted(segments))
        self._regie[patient.id] = result
        return result

    def regie_all(self) -> None:
        """Fill `regie` for every patient in one pass over the care team: cheaper than a
        look-up per patient when (nearly) all patients are evaluated."""
        if self._regie_complete:
            return
        segments: dict[int, list] = {}
        people = self.snapshot.professional_by_id
        start, days = self.grid.start, self.grid.days
        last = start + timedelta(days=days - 1)
        disciplines: dict[int, str] = {}
        # Most members lead over the whole horizon: (0, days - 1) without date arithmetic,
        # and most patients have one such segment: one interned 1-tuple per distinct segment.
        single: dict[tuple, tuple] = {}
        regie: dict[int, tuple] = {}
        several: set[int] = set()
        for member in self.snapshot.care_team:
            if member.role != "regiebehandelaar":
                continue
            first, end = member.start, member.end
            lo = 0 if first <= start else (first - start).days
            hi = days - 1 if end is None or end >= last else (end - start).days
            if lo > hi:
                continue
            professional_id = member.professional_id
            discipline = disciplines.get(professional_id)
            if discipline is None:
                person = people.get(professional_id)
                discipline = disciplines[professional_id] = person.discipline if person else ""
            segment = (lo, hi, discipline)
            patient_id = member.patient_id
            found = regie.get(patient_id)
            if found is None:
                value = single.get(segment)
                if value is None:
                    value = single[segment] = (segment,)
                regie[patient_id] = value
            else:
                if patient_id not in several:
                    several.add(patient_id)
                    segments[patient_id] = list(found)
                segments[patient_id].append(segment)
        interned: dict[tuple, tuple] = {value: value for value in single.values()}
        for patient_id, found in segments.items():
            value = tuple(sorted(found))
            regie[patient_id] = interned.setdefault(value, value)
        self._regie.update(regie)
        self._regie_complete = True

    def day_span(self, first: date, last: date | None) -> tuple[int, int] | None:
        """Local day indexes first..last (inclusive) clipped to the horizon, or None."""
        lo = max((first - self.grid.start).days, 0)
        hi = self.grid.days - 1 if last is None else (last - self.grid.start).days
        hi = min(hi, self.grid.days - 1)
        return (lo, hi) if lo <= hi else None

    def segments_mask(
        self, segments: tuple[tuple[int, int, str], ...], disciplines: tuple[str, ...]
    ) -> int:
        """Slots of the days whose segment discipline is one of `disciplines`."""
        key = (segments, disciplines)
        cached = self._segment_masks.get(key)
        if cached is not None:
            return cached
        mask = 0
        first = self.grid.day_first_slot
        for lo, hi, discipline in segments:
            if discipline in disciplines:
                mask |= self.slot_range(int(first[lo]), int(first[hi + 1]))
        self._segment_masks[key] = mask
        return mask

    def days_mask(self, day_flags: tuple[bool, ...]) -> int:
        """Slots of the local days flagged True."""
        key = ("days", day_flags)
        cached = self._memo.get(key)
        if cached is not None:
            return cached
        first = self.grid.day_first_slot
        mask = 0
        for day, flag in enumerate(day_flags):
            if flag:
                mask |= self.slot_range(int(first[day]), int(first[day + 1]))
        self._memo[key] = mask
        return mask

    def memo(self, key: Hashable, compute: Callable[[], Any]) -> Any:
        """A shared cache for rules: compute once per key (a group of equal subjects)."""
        try:
            return self._memo[key]
        except KeyError:
            value = self._memo[key] = compute()
            return value


def coverage_for(snapshot: Snapshot, grid: Grid) -> Coverage:
    """The coverage cache of a snapshot on a grid; made once, shared by every rule."""
    key = ("coverage", grid)
    found = snapshot.extra.get(key)
    if found is None:
        found = snapshot.extra[key] = Coverage(snapshot, grid)
    return found
