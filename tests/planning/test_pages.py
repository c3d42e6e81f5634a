from __future__ import annotations

import pytest

from mgz.planning import jobs, services
from mgz.planning.models import PlanningJob
from tests.planning.conftest import START


@pytest.fixture(autouse=True)
def _inline(settings):
    # The page starts a background thread; in tests the job runs inline.
    settings.MGZ_PLANNING_INLINE = True


def _job(region, **extra) -> PlanningJob:
    params = {"start": START.isoformat(), "days": 7, "disciplines": ["SO"], "time_limit": 1}
    return services.create_job(PlanningJob.Kind.ROSTER, region, params | extra)


@pytest.mark.parametrize("username", ["regiotafel", "aanbieder", "so", "hap", "privacy"])
def test_roles_that_do_not_plan_get_403(planning_world, login_as, username):
    client = login_as(username)
    assert client.get("/planning/").status_code == 403
    job = _job(planning_world.region)
    assert client.get(f"/planning/{job.pk}/").status_code == 403
    assert client.post(f"/planning/{job.pk}/accepteren/").status_code == 403


@pytest.mark.parametrize("username", ["regio", "beheerder"])
def test_the_coordinator_and_beheerder_see_the_page_and_menu_item(
    planning_world, login_as, username
):
    response = login_as(username).get("/planning/")
    assert response.status_code == 200
    body = response.content.decode()
    assert 'href="/planning/"' in body
    assert "Rooster berekenen" in body


def test_another_regions_job_is_not_found(planning_world, login_as):
    job = _job(planning_world.other_region)
    client = login_as("regio")
    assert client.get(f"/planning/{job.pk}/").status_code == 404
    assert client.get(f"/planning/{job.pk}/voortgang/").status_code == 404
    assert client.post(f"/planning/{job.pk}/accepteren/").status_code == 404
    assert login_as("beheerder").get(f"/planning/{job.pk}/").status_code == 200


def test_starting_a_roster_from_the_form_runs_the_job_and_shows_the_result(
    planning_world, login_as
):
    client = login_as("regio")
    response = client.post(
        "/planning/",
        {
            "kind": "roster",
            "rooster-region": planning_world.region.pk,
            "rooster-start": START.isoformat(),
            "rooster-days": 7,
            "rooster-disciplines": ["SO"],
            "rooster-time_limit": 1,
        },
    )
    job = PlanningJob.objects.get()
    assert response.status_code == 302 and response["Location"] == f"/planning/{job.pk}/"
    assert job.created_by == planning_world.users["regio"]
    page = client.get(f"/planning/{job.pk}/").content.decode()
    assert 'data-testid="roster"' in page
    assert "Accepteren en vastleggen" in page
    assert "in orde" in page


def test_a_coordinator_cannot_start_a_job_for_another_region(planning_world, login_as):
    response = login_as("regio").post(
        "/planning/",
        {"kind": "assign", "toewijzing-region": planning_world.other_region.pk,
         "toewijzing-time_limit": 1, "toewijzing-max_distance_km": 15},
    )  # fmt: skip
    assert response.status_code == 200  # the form refuses the region
    assert not PlanningJob.objects.exists()


def test_the_progress_partial_polls_while_running_and_refreshes_when_done(planning_world, login_as):
    job = _job(planning_world.region)
    client = login_as("regio")
    response = client.get(f"/planning/{job.pk}/voortgang/", HTTP_HX_REQUEST="true")
    body = response.content.decode()
    assert 'hx-trigger="every 1s"' in body
    assert "HX-Refresh" not in response
    PlanningJob.objects.filter(pk=job.pk).update(status="running", progress=40)
    body = client.get(f"/planning/{job.pk}/voortgang/", HTTP_HX_REQUEST="true").content.decode()
    assert 'value="40"' in body
    PlanningJob.objects.filter(pk=job.pk).update(status="queued")
    jobs.run_job(job.pk)
    response = client.get(f"/planning/{job.pk}/voortgang/", HTTP_HX_REQUEST="true")
    assert response["HX-Refresh"] == "true"
    assert "hx-trigger" not in response.content.decode()


def test_accept_and_discard_buttons_post_and_record_who(planning_world, login_as):
    client = login_as("regio")
    job = jobs.run_job(_job(planning_world.region).pk)
    assert client.get(f"/planning/{job.pk}/accepteren/").status_code == 405
    response = client.post(f"/planning/{job.pk}/accepteren/", follow=True)
    assert "Geaccepteerd: 9 afspraken vastgelegd." in response.content.decode()
    job.refresh_from_db()
    assert job.status == "accepted" and job.decided_by == planning_world.users["regio"]
    response = client.post(f"/planning/{job.pk}/verwerpen/", follow=True)
    assert "kan niet meer worden verworpen" in response.content.decode()
    other = jobs.run_job(_job(planning_world.region).pk)
    client.post(f"/planning/{other.pk}/verwerpen/")
    other.refresh_from_db()
    assert other.status == "discarded"
