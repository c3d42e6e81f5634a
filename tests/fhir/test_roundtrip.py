"""Export → import gives the same facts, in JSON and in XML, for the test world and for the
synthetic demo data; storing an imported message rebuilds contacts and the handover."""

from __future__ import annotations

import json
from datetime import date

import pytest
from django.utils import timezone

from mgz.exchange.fhir import fhir_import as fi
from mgz.exchange.fhir.fhir_export import fhir_id, patient_bundle, practitioner_role_id
from mgz.handover import services
from mgz.handover.constants import Decision, Treatment
from mgz.handover.documents import latest_document
from mgz.registry.models import Patient


def expected(patient: Patient, day: date | None = None) -> dict:
    """The facts the platform holds about a patient, in the importer's terms."""
    day = day or timezone.localdate()
    ref = f"Patient/{fhir_id(patient.code)}"
    residence = patient.location.postcode if patient.location_id else patient.home_postcode
    document = latest_document(patient)
    members = sorted(
        (
            f"PractitionerRole/{practitioner_role_id(m.professional)}",
            m.role,
            m.start,
            m.end,
        )
        for m in patient.care_team.all()
        if m.active_on(day)
    )
    return {
        "patient": (
            patient.bsn,
            patient.family_name,
            patient.given_name,
            patient.birth_date,
            residence,
        ),
        "contacts": sorted(
            (c.name, c.relation, c.phone, c.is_first_contact) for c in patient.contacts.all()
        ),
        "care_team": members,
        "directives": sorted(
            (
                d.treatment,
                d.treatment_text if d.treatment == "OTH" else "",
                d.decision,
                d.specification,
                d.conditions,
                d.expired_on,
                d.reason_for_ending,
            )
            for d in (document.directives.all() if document else [])
        ),
        "advance": sorted(
            (a.kind, a.kind_text, a.signed_on, a.representative, a.comment)
            for a in (document.advance_directives.all() if document else [])
        ),
        "ref": ref,
    }


def imported(result: fi.ReadResult, patient_ref: str) -> dict:
    (patient,) = result.of(fi.PatientFacts)
    (team,) = result.of(fi.CareTeamFacts)
    return {
        "patient": (
            patient.bsn,
            patient.family_name,
            patient.given_name,
            patient.birth_date,
            patient.postcode,
        ),
        "contacts": sorted(
            (c.name, c.relation, c.phone, c.first_contact)
            for c in result.of(fi.ContactFacts)
            if c.patient == patient_ref
        ),
        "care_team": sorted((m.member, m.role, m.start, m.end) for m in team.members),
        "directives": sorted(
            (
                d.treatment,
                d.treatment_text,
                d.decision,
                d.specification,
                d.conditions,
                d.expired_on,
                d.reason_for_ending,
            )
            for d in result.of(fi.TreatmentDirectiveFacts)
        ),
        "advance": sorted(
            (a.kind, a.kind_text, a.signed_on, a.representative, a.comment)
            for a in result.of(fi.AdvanceDirectiveFacts)
        ),
        "ref": patient.ref,
    }


@pytest.mark.parametrize("fmt", ["json", "xml"])
def test_export_then_import_gives_the_same_facts(fhir_world, fmt):
    bundle = patient_bundle(fhir_world.patient)
    text = bundle.model_dump_json() if fmt == "json" else bundle.model_dump_xml()
    result = fi.read(text)
    assert result.problems == []
    want = expected(fhir_world.patient)
    assert imported(result, want["ref"]) == want
    assert len(want["directives"]) == 6 and len(want["advance"]) == 2


def test_store_rebuilds_contacts_and_handover(fhir_world):
    patient = fhir_world.patient
    before = expected(patient)
    text = patient_bundle(patient).model_dump_json()
    patient.contacts.all().delete()
    report = fi.store(fi.read(text))
    assert report.patient == patient
    assert report.contacts_added == 2
    assert report.handover_version == 2
    after = expected(patient)
    assert after["contacts"] == before["contacts"]
    assert after["directives"] == before["directives"]
    assert after["advance"] == before["advance"]
    assert latest_document(patient).author_role == "import"


def test_store_refuses_an_unknown_bsn(fhir_world):
    text = patient_bundle(fhir_world.patient).model_dump_json()
    data = json.loads(text)
    for entry in data["entry"]:
        if entry["resource"]["resourceType"] == "Patient":
            entry["resource"]["identifier"][0]["value"] = "999999151"
    report = fi.store(fi.read(json.dumps(data)))
    assert report.patient is None
    assert "niet in het register" in report.messages[0]


def test_demo_data_round_trips(transactional_db):
    loader = pytest.importorskip("mgz.demo.loader")
    loader.generate("tiny", 1, today=timezone.localdate())
    patients = list(Patient.objects.filter(care_team__isnull=False).distinct().order_by("id")[:25])
    assert patients
    # The demo has no handovers yet: give a few patients one, written by their regiebehandelaar.
    for patient in patients[:5]:
        regie = services.current_regiebehandelaar(patient)
        if regie is None:
            continue
        services.write_document(
            patient,
            author=regie.professional,
            data=services.DocumentInput(
                review_date=timezone.localdate(),
                directives=[
                    services.DirectiveInput(Treatment.REANIMATIE, Decision.DENY),
                    services.DirectiveInput(
                        Treatment.ANTIBIOTICA, Decision.PERMIT, conditions="oraal"
                    ),
                ],
                advance_directives=[services.AdvanceDirectiveInput("NR")],
            ),
        )
    assert any(expected(p)["directives"] for p in patients)
    for patient in patients:
        bundle = patient_bundle(patient)
        for text in (bundle.model_dump_json(), bundle.model_dump_xml()):
            result = fi.read(text)
            assert result.problems == [], patient.code
            want = expected(patient)
            assert imported(result, want["ref"]) == want, patient.code
