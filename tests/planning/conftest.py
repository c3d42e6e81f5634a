"""A small planning world on top of the shared one: three SO, one AVG, a week to plan."""

from __future__ import annotations

from datetime import date

import pytest

from mgz.registry.models import ProfessionalRole
from tests import factories as f

# A Monday; the week holds no holiday.
START = date(2026, 6, 1)


@pytest.fixture
def planning_world(world):
    """Adds a third SO (at the provider) and an absence, and coordinates for the locations."""
    from datetime import datetime

    from mgz.availability.models import Absence
    from mgz.core.calendar import TZ

    extra = f.professional(
        code="P-SO-3", family_name="Visser", discipline="so", phone="06-45678901"
    )
    ProfessionalRole.objects.create(professional=extra, organisation=world.provider, title="SO")
    Absence.objects.create(
        professional=extra,
        kind="vakantie",
        start=datetime(2026, 6, 3, 0, 0, tzinfo=TZ),
        end=datetime(2026, 6, 5, 0, 0, tzinfo=TZ),
    )
    for loc, (lat, lon) in ((world.location_a, (52.09, 5.12)), (world.location_b, (52.10, 5.15))):
        loc.latitude, loc.longitude = lat, lon
        loc.save(update_fields=["latitude", "longitude"])
    return world
