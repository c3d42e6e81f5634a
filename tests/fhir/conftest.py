"""One patient with everything the FHIR exchange carries: organisations with URA/AGB, a care
team with a regiebehandelaar, contacts, and a handover with every kind of directive."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest

from mgz.exchange.fhir import fhir_import as fi
from mgz.handover import services
from mgz.handover.constants import Decision, Treatment
from mgz.registry.models import ContactPerson, Patient, Professional, ProfessionalRole
from mgz.shared_data import shared_dir
from tests import factories

EXAMPLES = shared_dir() / "fhir" / "nictiz-zib2020" / "examples"
PROFILES = shared_dir() / "fhir" / "nictiz-zib2020" / "profiles"


def example(name: str) -> Path:
    return EXAMPLES / f"{name}.xml"


def as_json(text: str | bytes) -> dict:
    """The JSON form of a FHIR message (JSON or XML), read by the library."""
    return json.loads(fi.parse(text).model_dump_json())


def example_json(name: str) -> dict:
    return as_json(example(name).read_bytes())


@dataclass
class FhirWorld:
    patient: Patient
    huisarts: Professional
    so: Professional
    gedragskundige: Professional


@pytest.fixture
def fhir_world(db) -> FhirWorld:
    hap = factories.organisation(
        kind="hap", name="HAP Utrecht Stad", ura="12345678", phone="0881309670"
    )
    provider = factories.organisation(
        kind="zorgaanbieder_vv", name="Zorggroep Noord", agb="47470001"
    )
    practice = factories.organisation(
        kind="huisartsenpraktijk", name="Huisartsen De Linde", agb="01012345", ura="87654321"
    )
    location = factories.location(
        organisation=provider, hap=hap, street="Lindelaan 4", city="Utrecht", postcode="3511 AB"
    )
    patient = factories.patient(
        location=location,
        region=location.region,
        ion_practice=practice,
        given_name="Anna Maria",
        family_name="de Vries",
        birth_date=date(1938, 2, 3),
    )
    huisarts = factories.professional(
        discipline="huisarts",
        initials="J.P.",
        family_name="Jansen",
        big="19012345601",
        agb="01000001",
    )
    so = factories.professional(discipline="so", initials="K.", family_name="Bakker", uzi="123456")
    gedragskundige = factories.professional(discipline="gedragskundige", family_name="Smit")
    ProfessionalRole.objects.create(
        professional=huisarts, organisation=practice, title="huisarts", phone="0301234567"
    )
    factories.care_team_member(patient=patient, professional=huisarts, start=date(2025, 1, 1))
    factories.care_team_member(
        patient=patient, professional=so, role="medebehandelaar", start=date(2025, 3, 1)
    )
    factories.care_team_member(
        patient=patient, professional=gedragskundige, role="consulent", start=date(2025, 3, 1)
    )
    ContactPerson.objects.create(
        patient=patient,
        name="Piet de Vries",
        relation="broer",
        phone="0612345678",
        is_first_contact=True,
    )
    ContactPerson.objects.create(
        patient=patient, name="Mr. K. Vos", relation="mentor", phone="0307654321"
    )
    services.write_document(
        patient,
        author=huisarts,
        data=services.DocumentInput(
            review_date=date(2027, 6, 1),
            directives=[
                services.DirectiveInput(
                    Treatment.REANIMATIE, Decision.DENY, agreed_on=date(2026, 5, 1)
                ),
                services.DirectiveInput(
                    Treatment.ZIEKENHUISOPNAME, Decision.DENY, conditions="tenzij heupfractuur"
                ),
                services.DirectiveInput(
                    Treatment.ANTIBIOTICA, Decision.PERMIT, conditions="alleen oraal"
                ),
                services.DirectiveInput(
                    Treatment.BEADEMING,
                    Decision.ANDERS,
                    specification="Alleen kortdurend bij een behandelbare oorzaak",
                ),
                services.DirectiveInput(
                    Treatment.ANDERS, Decision.DENY, treatment_text="Sondevoeding"
                ),
                services.DirectiveInput(
                    Treatment.IC_OPNAME,
                    Decision.PERMIT,
                    expired_on=date(2026, 1, 31),
                    reason_for_ending="Situatie veranderd",
                ),
            ],
            advance_directives=[
                services.AdvanceDirectiveInput(
                    "NR",
                    signed_on=date(2024, 3, 1),
                    representative="Piet de Vries",
                    comment="Penning",
                ),
                services.AdvanceDirectiveInput("OTH", kind_text="Levenstestament (eigen model)"),
            ],
            bejegeningsadvies="Rustig benaderen.",
        ),
    )
    return FhirWorld(patient, huisarts, so, gedragskundige)
