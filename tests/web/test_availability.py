"""Editing availability in the week view: saved, re-checked, and the page shows it at once."""

from __future__ import annotations

from django.urls import reverse

from mgz.availability.models import Arrangement


def _form(arrangement, **changes) -> dict:
    prefix = f"a{arrangement.id}"
    data = {
        "mode": arrangement.mode,
        "pattern": arrangement.pattern,
        "phone": arrangement.phone,
        "valid_to": "",
        **changes,
    }
    return {f"{prefix}-{key}": value for key, value in data.items()}


def test_widening_the_so_hours_removes_the_anw_finding(login_as, world):
    client = login_as("aanbieder")
    arrangement = world.arrangements["so"]
    page = client.get(reverse("web:availability", args=[world.location_a.id])).content.decode()
    assert 'data-rule="2.1.3.b.2"' in page

    # The SO is regiebehandelaar of the patient there, so in the ANW she must be available.
    response = client.post(
        reverse("web:availability_save", args=[world.location_a.id, arrangement.id]),
        _form(arrangement, mode="beschikbaar", pattern="altijd"),
        HTTP_HX_REQUEST="true",
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "<html" not in html  # an htmx fragment
    assert "De afspraak is opgeslagen. De bevindingen zijn opnieuw getoetst." in html
    assert 'data-rule="2.1.3.b.2"' not in html
    arrangement.refresh_from_db()
    assert arrangement.pattern == "altijd"


def test_an_invalid_pattern_is_refused_with_a_dutch_message(login_as, world):
    client = login_as("aanbieder")
    arrangement = world.arrangements["so"]
    response = client.post(
        reverse("web:availability_save", args=[world.location_a.id, arrangement.id]),
        _form(arrangement, pattern="maandag de hele dag"),
        HTTP_HX_REQUEST="true",
    )
    assert response.status_code == 422
    arrangement.refresh_from_db()
    assert arrangement.pattern == "ma-vr 08:00-17:00"


def test_adding_an_arrangement_for_the_location(login_as, world):
    client = login_as("aanbieder")
    response = client.post(
        reverse("web:availability_add", args=[world.location_a.id]),
        {
            "function": "verpleegkundige_voorwacht",
            "mode": "beschikbaar",
            "professional_code": "",
            "pattern": "anw",
            "phone": "030-7654321",
        },
        HTTP_HX_REQUEST="true",
    )
    assert response.status_code == 200
    added = Arrangement.objects.get(function="verpleegkundige_voorwacht")
    assert added.provider_organisation == world.provider
    assert list(added.locations.all()) == [world.location_a]


def test_a_regional_arrangement_cannot_be_changed_by_a_provider(login_as, world):
    client = login_as("aanbieder")
    regional = world.arrangements["triage"]
    response = client.post(
        reverse("web:availability_save", args=[world.location_a.id, regional.id]),
        _form(regional, pattern="altijd"),
    )
    assert response.status_code == 404


def test_other_roles_cannot_post_changes(client, world):
    from tests.conftest import login

    arrangement = world.arrangements["so"]
    url = reverse("web:availability_save", args=[world.location_a.id, arrangement.id])
    expected = {"regio": 403, "so": 403, "hap": 403, "privacy": 403, "buitenstaander": 404}
    for username, status in expected.items():
        login(client, world.users[username])
        assert client.post(url, _form(arrangement, pattern="altijd")).status_code == status
    arrangement.refresh_from_db()
    assert arrangement.pattern == "ma-vr 08:00-17:00"


def test_with_stored_runs_the_recheck_is_stored_for_every_web_process(login_as, world):
    from mgz.conformance import services
    from mgz.conformance.models import Run
    from mgz.web import conformance_source

    services.run_check(region=world.region.code)
    client = login_as("aanbieder")
    arrangement = world.arrangements["so"]
    page = client.get(reverse("web:location", args=[world.location_a.id])).content.decode()
    assert 'data-rule="2.1.3.b.2"' in page
    client.post(
        reverse("web:availability_save", args=[world.location_a.id, arrangement.id]),
        _form(arrangement, mode="beschikbaar", pattern="altijd"),
        HTTP_HX_REQUEST="true",
    )
    assert Run.objects.filter(trigger=Run.Trigger.INCREMENTAL, region=world.region).count() == 1
    conformance_source.forget()  # as another process would see it
    page = client.get(reverse("web:location", args=[world.location_a.id])).content.decode()
    assert 'data-rule="2.1.3.b.2"' not in page
