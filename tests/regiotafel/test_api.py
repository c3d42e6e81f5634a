"""The regiotafel API router: listing knelpunten and moving them on the ladder."""

from __future__ import annotations

import pytest
from ninja.testing import TestClient

from mgz.regiotafel import services
from mgz.regiotafel.api import router

from .conftest import DAY


@pytest.fixture
def knelpunt(world):
    return services.raise_knelpunt(
        world.table,
        title="Geen AVG bereikbaar",
        description="…",
        raised_by=world.practice,
        about_organisation=world.provider,
        today=DAY,
    )


@pytest.fixture
def api():
    return TestClient(router)


def test_list_and_escalate(api, world, knelpunt):
    listed = api.get(f"/{world.table.pk}/knelpunten", user=world.coordinator)
    assert listed.status_code == 200
    assert listed.json()[0]["allowed_actions"] == ["escalate", "resolve", "extend"]
    moved = api.post(
        f"/knelpunten/{knelpunt.pk}/acties",
        json={"action": "escalate", "decision": "Naar de tafel."},
        user=world.coordinator,
    )
    assert moved.status_code == 200 and moved.json()["step"] == 2
    assert [s["number"] for s in moved.json()["steps"]] == [1, 2]


def test_a_move_the_ladder_does_not_allow_is_a_conflict(api, world, knelpunt):
    response = api.post(
        f"/knelpunten/{knelpunt.pk}/acties",
        json={"action": "reopen", "decision": "x"},
        user=world.coordinator,
    )
    assert response.status_code == 409 and response.json()["code"] == "ongeldige-overgang"
    missing = api.post(
        f"/knelpunten/{knelpunt.pk}/acties", json={"action": "escalate"}, user=world.coordinator
    )
    assert missing.status_code == 400


def test_outsiders_get_404_and_readers_403(api, world, knelpunt):
    assert api.get(f"/{world.table.pk}/knelpunten", user=world.outsider).status_code == 404
    # the provider sits at the table (may read) but is no regio-coördinator (may not act)
    assert api.get(f"/{world.table.pk}/knelpunten", user=world.provider_user).status_code == 200
    response = api.post(
        f"/knelpunten/{knelpunt.pk}/acties",
        json={"action": "resolve", "decision": "x"},
        user=world.provider_user,
    )
    assert response.status_code == 403
