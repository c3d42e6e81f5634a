from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest

from mgz.availability.models import Arrangement
from mgz.core.calendar import TZ
from mgz.planning import jobs, services
from mgz.planning.models import PlanningJob
from tests import factories as f
from tests.planning.conftest import START


def _roster_job(world, **params) -> PlanningJob:
    parameters = {
        "start": START.isoformat(),
        "days": 7,
        "disciplines": ["SO"],
        "time_limit": 1,
        "workers": 1,
    } | params
    job = services.create_job(PlanningJob.Kind.ROSTER, world.region, parameters)
    return jobs.run_job(job.pk)


def test_a_synchronous_job_ends_done_with_full_progress(planning_world):
    job = _roster_job(planning_world)
    assert job.status == PlanningJob.Status.DONE
    assert job.progress == 100
    assert job.result["check"]["ok"]


def test_accept_writes_each_duty_as_a_regional_so_arrangement(planning_world):
    job = _roster_job(planning_world)
    written = services.accept(job.pk, user=planning_world.users["regio"])
    rows = Arrangement.objects.filter(code__startswith=f"ROOSTER-{job.pk}-").order_by("code")
    assert written == len(job.result["duties"]) == rows.count() == 9
    first = rows[0]  # Monday 1 June, 17:00 to Tuesday 08:00
    assert (first.function, first.mode, first.scope_kind) == ("so_zorg", "bereikbaar", "regio")
    assert (first.scope_region, first.scope_sector) == (planning_world.region, "vv")
    assert first.pattern == "ma 17:00-08:00"
    assert (first.valid_from, first.valid_to) == (START, START + timedelta(days=1))
    assert first.professional.code == job.result["duties"][0]["person"]
    saturday = rows.filter(valid_from=date(2026, 6, 6)).values_list("pattern", flat=True)
    assert set(saturday) == {"za 08:00-17:00", "za 17:00-08:00"}
    job.refresh_from_db()
    assert job.status == PlanningJob.Status.ACCEPTED
    assert job.decided_by == planning_world.users["regio"]


def test_accepting_twice_writes_nothing_twice_and_discard_after_accept_is_refused(
    planning_world,
):
    job = _roster_job(planning_world)
    services.accept(job.pk)
    assert services.accept(job.pk) == 9
    assert Arrangement.objects.filter(code__startswith=f"ROOSTER-{job.pk}-").count() == 9
    with pytest.raises(services.PlanningError):
        services.discard(job.pk)


def test_a_discarded_job_cannot_be_accepted(planning_world):
    job = _roster_job(planning_world)
    services.discard(job.pk)
    with pytest.raises(services.PlanningError):
        services.accept(job.pk)
    assert not Arrangement.objects.filter(code__startswith=f"ROOSTER-{job.pk}-").exists()


def test_accepting_marks_routing_stale(planning_world, django_capture_on_commit_callbacks):
    from mgz.routing.models import RouteIndexVersion

    job = _roster_job(planning_world)
    before = set(RouteIndexVersion.objects.values_list("token", flat=True))
    with django_capture_on_commit_callbacks(execute=True):
        services.accept(job.pk)
    assert set(RouteIndexVersion.objects.values_list("token", flat=True)) != before


def test_an_accepted_roster_closes_the_anw_so_gap_of_rule_2_1_3_b_2(planning_world):
    from mgz.conformance.services import run_check
    from mgz.core.rules import r_2_1_3_b_2

    provider = f.organisation(code="ZA-W2", name="Zorggroep Noord", region=planning_world.region)
    location = f.location(code="LOC-C", organisation=provider, region=planning_world.region)
    patient = f.patient(location=location, family_name="Cramer")

    def gaps() -> list:
        outcome = run_check(region="R-WEST", start=START, days=7, store=False, rules=(r_2_1_3_b_2,))
        return [
            interval
            for finding in outcome.result.findings
            if finding.subject == ("patient", patient.id)
            for interval in finding.intervals
        ]

    before = gaps()
    rostered_from = datetime(2026, 6, 1, 17, tzinfo=TZ)
    assert any(i.end > rostered_from for i in before)  # no SO reachable for Noord's patient
    services.accept(_roster_job(planning_world).pk)
    after = gaps()
    # Only the night before the horizon (Monday 00:00–08:00) is left, outside the roster.
    assert after and all(i.end <= datetime(2026, 6, 1, 8, tzinfo=TZ) for i in after)


def test_accepting_an_assignment_writes_dag_arrangements_per_location(planning_world):
    job = services.create_job(
        PlanningJob.Kind.ASSIGN, planning_world.region, {"time_limit": 1, "workers": 1}
    )
    job = jobs.run_job(job.pk)
    assert job.status == PlanningJob.Status.DONE, job.messages
    services.accept(job.pk)
    rows = Arrangement.objects.filter(code__startswith=f"VASTEHA-{job.pk}-")
    assert rows.count() == 2
    for row in rows:
        assert (row.function, row.mode, row.pattern) == ("ha_zorg", "beschikbaar", "dag")
        assert row.provider_organisation == planning_world.gp_practice
        assert row.locations.count() == 1


def test_the_pool_is_the_same_after_a_roster_was_accepted(planning_world):
    before = {p.code for p in services.roster_pool(planning_world.region, ("SO",), START)}
    services.accept(_roster_job(planning_world).pk)
    after = {p.code for p in services.roster_pool(planning_world.region, ("SO",), START)}
    assert before == after == {"P-SO", "P-SO-ANW", "P-SO-3"}
