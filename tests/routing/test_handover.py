"""The handover summary travels with the chain, and an edit shows without an index rebuild."""

from __future__ import annotations

from datetime import date

import pytest
from django.contrib.auth import get_user_model

from mgz.handover.models import HandoverDocument, TreatmentDirective
from mgz.routing import services
from tests.routing.db import load_world
from tests.routing.world import EVE


@pytest.fixture
def rows(db):
    services.reset()
    yield load_world()
    services.reset()


@pytest.fixture
def alice(db):
    return get_user_model().objects.create_user("alice", password="een-lang-wachtwoord")


def test_without_a_handover_the_chain_says_so(rows, alice):
    result = services.route_for(alice, "VV-MET", EVE, "palliatief", "U3", "hap_triagist")
    assert result.handover is not None
    assert not result.handover.recorded
    assert result.handover.text == "Nog geen overdracht vastgelegd."


def test_behandelgrenzen_come_with_the_chain_and_edits_show_at_once(rows, alice):
    patient = rows["patients"][1]
    document = HandoverDocument.objects.create(
        patient=patient,
        version=1,
        author=rows["professionals"][3],
        author_role="regiebehandelaar",
        review_date=date(2027, 1, 1),
        bejegeningsadvies="Rustig benaderen, eerst oogcontact.",
    )
    TreatmentDirective.objects.create(document=document, treatment="89666000", decision="deny")
    index = services.get_index()
    first = services.route_for(alice, "VV-MET", EVE, "palliatief", "U3", "hap_triagist")
    assert first.handover.recorded
    assert len(first.handover.behandelgrenzen) == 1
    assert "reanim" in first.handover.behandelgrenzen[0].lower()
    assert first.handover.bejegeningsadvies.startswith("Rustig")
    TreatmentDirective.objects.create(document=document, treatment="32485007", decision="deny")
    second = services.route_for(alice, "VV-MET", EVE, "palliatief", "U3", "hap_triagist")
    assert len(second.handover.behandelgrenzen) == 2
    assert services.get_index() is index  # a handover edit does not rebuild the routing index


def test_a_user_who_is_not_logged_in_gets_nothing(rows):
    from django.contrib.auth.models import AnonymousUser

    with pytest.raises(services.AccessDenied):
        services.route_for(AnonymousUser(), "VV-MET", EVE, "palliatief", "U3", "hap_triagist")
