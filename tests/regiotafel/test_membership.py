"""The table's members, and the query rule 2.3.3.2.b uses (SO and AVG take part)."""

from __future__ import annotations

from datetime import date

import pytest

from mgz.regiotafel import queries, services
from mgz.regiotafel.constants import REQUIRED_PARTY_KINDS, PartyKind
from mgz.regiotafel.errors import InvalidInput
from tests import factories

from .conftest import DAY


def test_the_convening_zorgkantoor_takes_the_first_seat(world):
    assert queries.membership_by_region(DAY)[world.region.id] == {"zorgkantoor", "zorgaanbieder"}


def test_membership_counts_only_members_seated_that_day(world):
    services.add_member(
        world.table, world.so_avg, PartyKind.SO, representative="SO", start=date(2026, 1, 1)
    )
    services.add_member(
        world.table,
        world.so_avg,
        PartyKind.AVG,
        representative="AVG",
        start=date(2025, 1, 1),
        end=date(2025, 12, 31),
    )
    kinds = queries.membership_by_region(DAY)[world.region.id]
    assert PartyKind.SO in kinds and PartyKind.AVG not in kinds
    assert not kinds >= REQUIRED_PARTY_KINDS
    assert queries.membership_by_region(date(2025, 6, 1))[world.region.id] >= {"avg"}


def test_a_subregional_table_counts_for_its_region_and_its_area(world):
    zk = world.zorgkantoor
    sub = services.convene(world.region, zk, subregion=world.subregion, on=date(2025, 3, 1))
    services.add_member(
        sub, world.so_avg, PartyKind.AVG, representative="AVG", start=date(2025, 3, 1)
    )
    assert "avg" in queries.membership_by_region(DAY)[world.region.id]
    areas = queries.membership_by_area(DAY)
    assert areas[(world.region.id, world.subregion.id)] == {"zorgkantoor", "avg"}
    assert "avg" not in areas[(world.region.id, None)]


def test_a_region_without_a_table_is_absent(world):
    other = factories.region()
    assert other.id not in queries.membership_by_region(DAY)


def test_only_a_zorgkantoor_convenes(world):
    with pytest.raises(InvalidInput, match="zorgkantoor"):
        services.convene(world.region, world.provider, subregion=world.subregion, on=DAY)


def test_one_table_per_region(world):
    with pytest.raises(InvalidInput, match="al een regiotafel"):
        services.convene(world.region, world.zorgkantoor, on=DAY)
