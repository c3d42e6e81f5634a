from __future__ import annotations

from mgz.planning import services
from tests.planning.conftest import START


def test_roster_pool_takes_region_so_and_avg_with_absences(planning_world):
    problem = services.roster_problem(planning_world.region, START, 7)
    by_id = {p.id: p for p in problem.persons}
    assert set(by_id) == {"P-SO", "P-SO-ANW", "P-SO-3", "P-AVG"}
    assert by_id["P-AVG"].discipline == "AVG"
    assert {d.isoformat() for d in by_id["P-SO-3"].absences} == {"2026-06-03", "2026-06-04"}
    assert all(p.fte == 1.0 for p in problem.persons)


def test_roster_solves_a_week_and_the_checker_agrees(planning_world):
    problem = services.roster_problem(planning_world.region, START, 7, disciplines=("SO",))
    outcome = services.solve_roster(problem, time_limit=2, workers=1)
    result = outcome.result
    assert result["check"] == {"ok": True, "violations": []}
    assert not result["unfilled"]
    # 5 weekday nights + 2 weekend days × 2 duties
    assert len(result["duties"]) == 9
    assert sum(c["duties"] for c in result["counts"]) == 9
    absent = {d["day"] for d in result["duties"] if d["person"] == "P-SO-3"}
    assert not absent & {"2026-06-03", "2026-06-04"}


def test_duty_patterns_use_the_day_code_and_split_consecutive_holidays(planning_world):
    from datetime import date, datetime

    from mgz.core.calendar import TZ

    calendar = services.region_calendar(planning_world.region)
    tuesday = date(2026, 6, 2)
    night = services.duty_patterns(
        tuesday, datetime(2026, 6, 2, 17, tzinfo=TZ), datetime(2026, 6, 3, 8, tzinfo=TZ), calendar
    )
    assert night == [("di 17:00-08:00", tuesday, date(2026, 6, 3))]
    christmas = date(2026, 12, 25)
    pieces = services.duty_patterns(
        christmas,
        datetime(2026, 12, 25, 17, tzinfo=TZ),
        datetime(2026, 12, 26, 8, tzinfo=TZ),
        calendar,
    )
    assert pieces == [
        ("fd 17:00-24:00", christmas, christmas),
        ("fd 00:00-08:00", date(2026, 12, 26), date(2026, 12, 26)),
    ]
    day = services.duty_patterns(
        christmas,
        datetime(2026, 12, 25, 8, tzinfo=TZ),
        datetime(2026, 12, 25, 17, tzinfo=TZ),
        calendar,
    )
    assert day == [("fd 08:00-17:00", christmas, christmas)]


def test_assignment_places_the_practice_at_its_ion_patients(planning_world):
    problem, _messages = services.assign_problem(planning_world.region)
    assert [p.id for p in problem.practices] == ["HA-W"]
    assert {loc.id for loc in problem.locations} == {"LOC-A", "LOC-B"}
    assert next(loc for loc in problem.locations if loc.id == "LOC-A").ion_practices == {"HA-W"}
    outcome = services.solve_assign(problem, time_limit=1, workers=1)
    assert outcome.result["check"]["ok"]
    assert {a["location"] for a in outcome.result["assignments"]} == {"LOC-A", "LOC-B"}


def test_one_avg_cannot_cover_a_week_and_the_gaps_are_named(planning_world):
    problem = services.roster_problem(planning_world.region, START, 7, disciplines=("AVG",))
    result = services.solve_roster(problem, time_limit=1, workers=1).result
    assert result["status"] == "onvolledig"
    assert result["unfilled"] and all(u["requirement"] == "AVG R-WEST" for u in result["unfilled"])
    assert not result["check"]["ok"]  # the checker sees the same gaps on the clock
