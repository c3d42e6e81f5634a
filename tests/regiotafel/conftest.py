"""A small regiotafel world: one region with a table convened by its zorgkantoor, a provider
with a planned location, a GP practice, an SO/AVG practice, and users for each role."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import pytest
from django.contrib.auth import get_user_model

from mgz.accounts.models import Membership
from mgz.regiotafel import services
from mgz.regiotafel.constants import PartyKind
from mgz.regiotafel.models import Regiotafel
from mgz.registry.models import Location, Organisation, Region, Subregion
from tests import factories

DAY = date(2026, 3, 2)


@dataclass
class World:
    region: Region
    subregion: Subregion
    zorgkantoor: Organisation
    provider: Organisation
    practice: Organisation
    so_avg: Organisation
    location: Location
    planned: Location
    table: Regiotafel
    coordinator: object  # regio-coördinator at the zorgkantoor
    provider_user: object  # aanbieder-coördinator
    outsider: object  # a regio-coördinator of another region


def _user(username: str, role: str, **scope):
    user = get_user_model().objects.create_user(username, password="wachtwoord-123")
    Membership.objects.create(user=user, role=role, **scope)
    return user


@pytest.fixture
def world(db, settings, tmp_path) -> World:
    settings.MEDIA_ROOT = tmp_path / "media"
    return build_world()


def build_world() -> World:
    region = factories.region(name="Utrecht")
    other_region = factories.region(name="Elders")
    subregion = Subregion.objects.create(region=region, code="UTR-W", name="Utrecht-West")
    zorgkantoor = factories.organisation(
        name="Zorgkantoor Utrecht", kind="zorgkantoor", region=region
    )
    provider = factories.organisation(name="Zorggroep De Linde", region=region)
    practice = factories.organisation(
        name="Huisartsen Oost", kind="huisartsenpraktijk", region=region
    )
    so_avg = factories.organisation(
        name="SO/AVG-praktijk Midden", kind="so_avg_praktijk", region=region
    )
    location = factories.location(
        name="De Linde", organisation=provider, region=region, subregion=subregion
    )
    planned = factories.location(
        name="De Linde Nieuwbouw",
        organisation=provider,
        region=region,
        status="gepland",
        planned_opening=date(2026, 6, 1),
    )
    table = services.convene(
        region, zorgkantoor, on=date(2025, 1, 1), contact_email="secretariaat@regiotafel.test"
    )
    services.add_member(
        table,
        provider,
        PartyKind.ZORGAANBIEDER,
        representative="M. de Linde",
        email="bestuur@delinde.test",
        start=date(2025, 1, 1),
    )
    coordinator = _user("coordinator", "regio_coordinator", region=region, organisation=zorgkantoor)
    provider_user = _user("aanbieder", "aanbieder_coordinator", organisation=provider)
    outsider = _user("buiten", "regio_coordinator", region=other_region)
    return World(
        region,
        subregion,
        zorgkantoor,
        provider,
        practice,
        so_avg,
        location,
        planned,
        table,
        coordinator,
        provider_user,
        outsider,
    )
