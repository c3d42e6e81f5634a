"""A small world for the handover tests: a GHZ patient registered with a GP practice (ION),
with a GP as regiebehandelaar, an SO, an AVG and a gedragskundige."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import pytest

from mgz.registry.models import ContactPerson, Patient, Professional
from tests import factories


@dataclass
class World:
    patient: Patient
    huisarts: Professional
    so: Professional
    avg: Professional
    gedragskundige: Professional
    outsider: Professional


@pytest.fixture
def hworld(db) -> World:
    practice = factories.organisation(kind="huisartsenpraktijk", name="Praktijk De Linde")
    patient = factories.patient(zorgprofiel="VG05", ion_practice=practice, given_name="Anna")
    huisarts = factories.professional(discipline="huisarts", family_name="Jansen")
    so = factories.professional(discipline="so", family_name="Bakker")
    avg = factories.professional(discipline="avg", family_name="Visser")
    gedragskundige = factories.professional(discipline="gedragskundige", family_name="Smit")
    outsider = factories.professional(discipline="huisarts", family_name="Buiten")
    factories.care_team_member(patient=patient, professional=huisarts, start=date(2025, 1, 1))
    factories.care_team_member(
        patient=patient, professional=gedragskundige, role="medebehandelaar", start=date(2025, 1, 1)
    )
    ContactPerson.objects.create(
        patient=patient,
        name="Piet de Vries",
        relation="broer",
        phone="0612345678",
        is_first_contact=True,
    )
    return World(patient, huisarts, so, avg, gedragskundige, outsider)
