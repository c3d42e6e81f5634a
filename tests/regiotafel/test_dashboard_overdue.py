"""A knelpunt whose deadline passed shows on the region dashboard (3.4), not before."""

from __future__ import annotations

from datetime import datetime, time, timedelta

import time_machine
from django.urls import reverse

from mgz.core.calendar import TZ
from mgz.regiotafel import services

from .conftest import DAY


def _dashboard(client, world, day):
    client.force_login(world.coordinator)
    with time_machine.travel(datetime.combine(day, time(10), TZ), tick=False):
        return client.get(reverse("web:dashboard", args=[world.region.id])).content.decode()


def test_overdue_knelpunt_appears_on_the_dashboard_after_its_deadline(client, world):
    services.raise_knelpunt(
        world.table,
        title="Geen vervanging SO in de zomer",
        description="…",
        raised_by=world.practice,
        about_organisation=world.provider,
        today=DAY,
        deadline=DAY + timedelta(days=3),
    )
    before = _dashboard(client, world, DAY + timedelta(days=2))
    assert "Geen vervanging SO in de zomer" not in before
    after = _dashboard(client, world, DAY + timedelta(days=5))
    assert "Verstreken termijnen van knelpunten" in after
    assert "Geen vervanging SO in de zomer" in after


def test_the_regiotafel_is_in_the_menu_of_its_coordinator(client, world):
    client.force_login(world.coordinator)
    page = client.get(reverse("web:dashboard", args=[world.region.id])).content.decode()
    assert f'href="{reverse("regiotafel:index")}"' in page
