"""Every kind of change the index is built from shows in the very next answer."""

from __future__ import annotations

import io
from datetime import date

import pytest
from django.contrib.auth import get_user_model

from mgz.availability.models import Arrangement
from mgz.registry.models import CareTeamMember
from mgz.routing import services
from tests.routing.db import load_world
from tests.routing.world import DAY, EVE


@pytest.fixture
def rows(db):
    services.reset()
    yield load_world()
    services.reset()


@pytest.fixture
def alice(db):
    return get_user_model().objects.create_user("alice", password="een-lang-wachtwoord")


def chain(user, code, moment, question="somatisch_acuut", caller="verzorgende"):
    result = services.route_for(user, code, moment, question, "U3", caller)
    return [(s.role, s.name or f"!{s.gap}") for s in result.steps]


def test_adding_a_location_to_an_arrangement_fills_a_gap(rows, alice):
    assert chain(alice, "GGZ", DAY)[0] == ("meldpunt", "!2.3.2.3")
    voorwacht = Arrangement.objects.get(code="A09")
    voorwacht.locations.add(rows["locations"][5])
    voorwacht.scope_kind = "locaties"
    voorwacht.save()
    assert chain(alice, "GGZ", DAY)[0] == ("meldpunt", "Zorggroep Noord")


def test_a_new_regiebehandelaar_shows_at_once(rows, alice):
    before = chain(alice, "GHZ-ZONDER", DAY)
    assert ("regiebehandelaar", "E. Smit") not in before
    CareTeamMember.objects.create(
        patient=rows["patients"][6],
        professional=rows["professionals"][5],
        role="regiebehandelaar",
        start=date(2026, 1, 1),
    )
    assert ("regiebehandelaar", "E. Smit") in chain(alice, "GHZ-ZONDER", DAY)


def test_moving_a_patient_into_a_location_with_treatment_changes_the_physician(rows, alice):
    assert chain(alice, "VV-ZONDER", EVE)[1] == ("behandelaar", "Huisartsenpost Noord")
    patient = rows["patients"][2]
    patient.location = rows["locations"][1]
    patient.behandeling_ingekocht = True
    patient.save()
    assert chain(alice, "VV-ZONDER", EVE)[1] == ("behandelaar", "D. Visser")


def test_deleting_an_arrangement_leaves_a_named_gap(rows, alice):
    Arrangement.objects.get(code="A03").delete()  # the HAP
    assert chain(alice, "VV-ZONDER", EVE)[1] == ("behandelaar", "!2.1.3.b.1")


def test_an_absence_is_patched_into_the_index_without_a_rebuild(rows, alice):
    from datetime import timedelta

    from mgz.availability.models import Absence

    index = services.get_index()
    assert chain(alice, "VV-ZONDER", DAY)[1] == ("behandelaar", "A. Jansen")
    absence = Absence.objects.create(
        professional=rows["professionals"][1],
        kind="ziekte",
        start=DAY - timedelta(hours=1),
        end=DAY + timedelta(hours=1),
    )
    assert chain(alice, "VV-ZONDER", DAY)[1] == ("behandelaar", "!2.1.3.a")
    absence.replacement = rows["professionals"][2]
    absence.save()
    assert chain(alice, "VV-ZONDER", DAY)[1] == ("behandelaar", "B. de Vries")
    absence.delete()
    assert chain(alice, "VV-ZONDER", DAY)[1] == ("behandelaar", "A. Jansen")
    assert services.get_index() is index


def test_the_invalidate_command_renews_the_token_after_bulk_writes(rows):
    from django.core.management import call_command

    services.get_index()
    before = services.current_token()
    call_command("routing_invalidate", stdout=io.StringIO())
    assert services.current_token() != before
