"""Arrangements of a location per function, as a week of hours (the standard week)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, time, timedelta
from functools import lru_cache

from django.db.models import Q, QuerySet
from django.utils import timezone

from mgz.availability.constants import Function, ScopeKind
from mgz.availability.models import Arrangement
from mgz.core.calendar import TZ, calendar_with
from mgz.core.grid import STANDARD_WEEK_MONDAY
from mgz.core.weekpattern import DAY_CODES, PatternError, parse_pattern
from mgz.registry.models import Location

MODE_RANK = {"beschikbaar": 3, "bereikbaar": 2, "telefonisch": 1}
MODE_CLASS = {3: "m-beschikbaar", 2: "m-bereikbaar", 1: "m-telefonisch", 0: "m-geen"}


def arrangements_for_location(location: Location, *, day=None) -> QuerySet[Arrangement]:
    """Arrangements that cover everybody at the location (individual-patient ones excluded)."""
    day = day or timezone.localdate()
    scope = (
        Q(scope_kind=ScopeKind.LOCATIONS, locations=location)
        | Q(scope_kind=ScopeKind.ORGANISATION, scope_organisation_id=location.organisation_id)
        | Q(scope_kind=ScopeKind.REGION, scope_region_id=location.region_id)
        | Q(scope_kind=ScopeKind.PATIENT_GROUP, scope_region_id=location.region_id)
    )
    if location.subregion_id:
        scope |= Q(scope_kind=ScopeKind.SUBREGION, scope_subregion_id=location.subregion_id)
    return (
        Arrangement.objects.filter(scope)
        .filter(valid_from__lte=day)
        .filter(Q(valid_to__isnull=True) | Q(valid_to__gte=day))
        .select_related("professional", "provider_organisation")
        .distinct()
        .order_by("function", "code")
    )


@dataclass
class FunctionWeek:
    function: str
    label: str
    arrangements: list[Arrangement]
    # 7 days × 24 hours: strongest mode rank present (0 = nobody).
    grid: list[list[int]]

    @property
    def rows(self) -> list[tuple[str, list[str]]]:
        return [(DAY_CODES[d], [MODE_CLASS[v] for v in self.grid[d]]) for d in range(7)]

    @property
    def uncovered_hours(self) -> int:
        return sum(1 for day in self.grid for v in day if v == 0)


def week_view(location: Location) -> list[FunctionWeek]:
    region = location.region
    calendar = calendar_with(region.anw_weekday_start, region.anw_weekday_end)
    by_function: dict[str, list[Arrangement]] = {}
    for arrangement in arrangements_for_location(location):
        by_function.setdefault(arrangement.function, []).append(arrangement)
    weeks = []
    for function in Function:
        arrangements = by_function.get(function.value, [])
        grid = [[0] * 24 for _ in range(7)]
        for arrangement in arrangements:
            covered = _pattern_hours(arrangement.pattern, calendar)
            rank = MODE_RANK.get(arrangement.mode, 0)
            for d in range(7):
                for h in range(24):
                    if grid[d][h] < rank and covered[d][h]:
                        grid[d][h] = rank
        if arrangements or function.value in ("ha_zorg", "triage"):
            weeks.append(FunctionWeek(function.value, function.label, arrangements, grid))
    return weeks


_MOMENTS = [
    [datetime.combine(STANDARD_WEEK_MONDAY + timedelta(days=d), time(h, 30), TZ) for h in range(24)]
    for d in range(7)
]


@lru_cache(maxsize=4096)
def _pattern_hours(text: str, calendar) -> tuple[tuple[bool, ...], ...]:
    """Which hours of the standard week a pattern covers (patterns repeat a lot: cached)."""
    try:
        pattern = parse_pattern(text)
    except PatternError:
        return tuple((False,) * 24 for _ in range(7))
    return tuple(tuple(pattern.covers(m, calendar) for m in day) for day in _MOMENTS)


def covers_now(arrangement: Arrangement, location: Location, *, now=None) -> bool:
    region = location.region
    calendar = calendar_with(region.anw_weekday_start, region.anw_weekday_end)
    try:
        return parse_pattern(arrangement.pattern).covers(now or timezone.now(), calendar)
    except PatternError:
        return False
