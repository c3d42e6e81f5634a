"""ANW on-call roster: coverage of every ANW hour, absences, rest, holidays, explanations."""

from __future__ import annotations

import itertools
from dataclasses import replace
from datetime import date, datetime, time, timedelta

import pytest

from mgz.core.calendar import TZ
from mgz.core.planning.check import check_roster
from mgz.core.planning.roster import (
    KIND_DAY,
    KIND_NIGHT,
    KIND_WEEKDAY_NIGHT,
    Person,
    Requirement,
    RosterProblem,
    anw_shifts,
    greedy_roster,
    solve_roster,
)

START = date(2026, 4, 20)  # a Monday; King's Day (Monday 27 April) falls inside
KINGS_DAY = date(2026, 4, 27)


def _problem(**changes) -> RosterProblem:
    persons = (
        Person(
            "so1",
            "SO Aalbers",
            "Zorggroep A",
            "SO",
            absences=frozenset({date(2026, 4, 22), date(2026, 4, 23), date(2026, 4, 24)}),
        ),
        Person("so2", "SO Bakker", "Zorggroep A", "SO", wants=frozenset({date(2026, 4, 21)})),
        Person("so3", "SO Claes", "Zorggroep B", "SO", wants=frozenset({date(2026, 4, 21)})),
        Person("so4", "SO Dekker", "Zorggroep B", "SO", avoids=frozenset({date(2026, 4, 25)})),
        Person("so5", "SO Evers", "Zorggroep B", "SO", fte=0.5),
        Person("avg1", "AVG Franssen", "Zorggroep A", "AVG"),
        Person("avg2", "AVG Gerrits", "Zorggroep B", "AVG"),
        Person("avg3", "AVG Hendriks", "Zorggroep B", "AVG", max_duties=3),
    )
    problem = RosterProblem(
        "Testregio",
        START,
        14,
        persons,
        (Requirement("SO regio", "SO"), Requirement("AVG regio", "AVG")),
    )
    return replace(problem, **changes)


@pytest.fixture(scope="module")
def solved():
    problem = _problem()
    return problem, solve_roster(problem, time_limit=2, workers=1)


def test_holidays_are_rostered_like_a_weekend():
    shifts = [s for s in anw_shifts(_problem()) if s.day == KINGS_DAY]
    assert [s.kind for s in shifts] == [KIND_DAY, KIND_NIGHT]
    assert shifts[0].start == datetime.combine(KINGS_DAY, time(8), TZ)
    assert shifts[1].end == datetime.combine(KINGS_DAY + timedelta(days=1), time(8), TZ)


def test_a_weekday_has_one_duty_from_evening_to_morning():
    shifts = [s for s in anw_shifts(_problem()) if s.day == START]
    assert [(s.kind, s.start.hour, s.end.hour) for s in shifts] == [(KIND_WEEKDAY_NIGHT, 17, 8)]


def test_the_roster_passes_the_independent_checker(solved):
    problem, result = solved
    assert result.status in ("optimaal", "toegelaten")
    assert not result.unfilled
    assert check_roster(problem, result.duties).ok


def test_every_anw_shift_is_covered_for_every_requirement(solved):
    problem, result = solved
    for shift in anw_shifts(problem):
        for requirement in problem.requirements:
            on_duty = [
                d
                for d in result.duties
                if d.start == shift.start and d.requirement == requirement.label
            ]
            assert len(on_duty) == requirement.count, (shift, requirement.label)


def test_absences_are_respected_including_the_night_before(solved):
    _, result = solved
    for duty in result.duties:
        if duty.person_id == "so1":
            assert duty.day not in {date(2026, 4, d) for d in (21, 22, 23, 24)}


def test_nothing_starts_on_the_day_a_night_duty_ends(solved):
    _, result = solved
    by_person: dict[str, list] = {}
    for duty in result.duties:
        by_person.setdefault(duty.person_id, []).append(duty)
    for duties in by_person.values():
        duties.sort(key=lambda d: d.start)
        for before, after in itertools.pairwise(duties):
            if before.kind != KIND_DAY:
                assert after.day > before.day + timedelta(days=1)


def test_maximum_duties_and_counts(solved):
    _, result = solved
    counts = {c.person_id: c for c in result.counts}
    assert counts["avg3"].duties <= 3
    assert sum(c.duties for c in result.counts) == len(result.duties)
    full_time = [counts[p].load for p in ("so2", "so3", "so4")]
    assert counts["so5"].load < sum(full_time) / len(full_time)


def test_a_request_that_cannot_be_honoured_is_explained_in_dutch(solved):
    _, result = solved
    # so2 and so3 both ask for 21 April; only one SO is on duty that night.
    messages = [v.message for v in result.violations if v.code == "verzoek-dienst"]
    assert any("vroeg een dienst op 21-04-2026, maar kreeg die niet" in m for m in messages)


def test_duties_carry_what_availability_needs(solved):
    _, result = solved
    duty = result.duties[0]
    assert duty.mode == "bereikbaar"
    assert duty.discipline in ("SO", "AVG")
    assert duty.start.tzinfo is not None and duty.end > duty.start


def test_greedy_baseline_breaks_no_rule_except_listed_gaps():
    # The chronological greedy can paint itself into a corner (here: too few AVG nights left);
    # it must then say so in `unfilled`, and break nothing else.
    problem = _problem()
    result = greedy_roster(problem)
    codes = {v.code for v in check_roster(problem, result.duties).violations}
    assert codes <= {"rooster-dekking"}
    assert bool(codes) == bool(result.unfilled)


def test_an_impossible_horizon_lists_the_unfilled_duties():
    lonely = (Person("avg1", "AVG Franssen", "Zorggroep A", "AVG"),)
    problem = _problem(persons=_problem().persons[:5] + lonely)
    result = solve_roster(problem, time_limit=2, workers=1)
    assert result.status == "onvolledig"
    assert result.unfilled
    assert all(u.requirement == "AVG regio" for u in result.unfilled)
    assert not check_roster(problem, result.duties).ok


def test_checker_rejects_a_gap_an_absence_and_missing_rest(solved):
    problem, result = solved
    duties = list(result.duties)
    removed = duties.pop(0)
    codes = {v.code for v in check_roster(problem, tuple(duties)).violations}
    assert "rooster-dekking" in codes
    absent = replace(removed, person_id="so1", day=date(2026, 4, 22))
    absent = replace(
        absent,
        start=datetime.combine(date(2026, 4, 22), time(17), TZ),
        end=datetime.combine(date(2026, 4, 23), time(8), TZ),
    )
    codes = {v.code for v in check_roster(problem, (absent,)).violations}
    assert "rooster-afwezig" in codes
    night = replace(
        removed,
        person_id="so2",
        discipline="SO",
        requirement="SO regio",
        start=datetime.combine(date(2026, 4, 20), time(17), TZ),
        end=datetime.combine(date(2026, 4, 21), time(8), TZ),
    )
    next_evening = replace(
        night,
        start=datetime.combine(date(2026, 4, 21), time(17), TZ),
        end=datetime.combine(date(2026, 4, 22), time(8), TZ),
    )
    codes = {v.code for v in check_roster(problem, (night, next_evening)).violations}
    assert "rooster-rust" in codes
