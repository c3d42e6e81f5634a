"""The loader tells rule 2.2.6 whose fall-back on the GP is arranged, the way the transfer
workflow (mgz.handover.transfers.fallback_risks) counts it."""

from __future__ import annotations

from datetime import date

import pytest

from mgz.conformance.loader import load_snapshot
from mgz.handover.models import RegieTransfer
from mgz.regiotafel import services as regiotafel
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def place():
    region = factories.region()
    provider = factories.organisation(region=region)
    location = factories.location(organisation=provider, region=region)
    practice = factories.organisation(kind="huisartsenpraktijk", region=region)
    here = factories.patient(location=location, ion_practice=practice)
    elsewhere = factories.patient(location=factories.location(), ion_practice=practice)
    return region, provider, location, here, elsewhere


def test_nothing_is_covered_without_an_agreement(place):
    assert load_snapshot().extra["fallback_covered"] == frozenset()


def test_a_completed_transfer_with_a_fallback_agreement_covers_its_patient(place):
    *_, here, elsewhere = place
    so, gp = factories.professional(), factories.professional(discipline="huisarts")
    fields = {"from_professional": gp, "to_professional": so, "proposed_by": gp, "reason": "…"}
    RegieTransfer.objects.create(
        patient=here, status="afgerond", fallback_agreement="HA neemt terug", **fields
    )
    RegieTransfer.objects.create(patient=elsewhere, status="voorgesteld", **fields)
    assert load_snapshot().extra["fallback_covered"] == frozenset({here.id})


def test_a_regiotafel_agreement_on_2_2_6_covers_its_scope_only(place):
    region, provider, location, here, _elsewhere = place
    zorgkantoor = factories.organisation(kind="zorgkantoor", region=region)
    table = regiotafel.convene(region, zorgkantoor, on=date(2025, 1, 1))
    common = {
        "kind": "medisch_inhoudelijk",
        "topics": ["regiebehandelaarschap"],
        "parties": [provider],
        "valid_from": date(2025, 1, 1),
    }
    regiotafel.create_agreement(
        table, title="Iets anders", scope_kind="regio", clause_ids=["2.5.2"], **common
    )
    assert load_snapshot().extra["fallback_covered"] == frozenset()
    regiotafel.create_agreement(
        table,
        title="Terugval op de huisarts",
        scope_kind="locatie",
        scope_locations=[location],
        clause_ids=["2.2.6"],
        **common,
    )
    assert load_snapshot().extra["fallback_covered"] == frozenset({here.id})
