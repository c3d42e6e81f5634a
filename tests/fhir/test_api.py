"""The FHIR REST API: read, search by patient and Patient/$everything in JSON and XML, with
the same need-to-know rules and audit log as the pages."""

from __future__ import annotations

import json

import pytest

from mgz.audit.models import AuditEvent
from mgz.exchange.fhir import fhir_import as fi
from mgz.handover import services
from mgz.handover.constants import Decision, Treatment
from tests.fhir.conftest import as_json


@pytest.fixture
def handover(world):
    services.write_document(
        world.patient_a,
        author=world.so,
        data=services.DocumentInput(
            review_date=__import__("datetime").date(2027, 1, 1),
            directives=[services.DirectiveInput(Treatment.REANIMATIE, Decision.DENY)],
        ),
    )


def get(client, url, **params):
    return client.get(url, params)


def test_unauthenticated_gets_401_operation_outcome(client, world):
    response = client.get(f"/fhir/Patient/{world.patient_a.code}")
    assert response.status_code == 401
    body = response.json()
    assert body["resourceType"] == "OperationOutcome"


def test_treating_physician_reads_the_patient_and_it_is_audited(login_as, world):
    client = login_as("so")
    before = AuditEvent.objects.count()
    response = client.get(f"/fhir/Patient/{world.patient_a.code}")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/fhir+json")
    body = response.json()
    assert body["identifier"][0] == {
        "system": "http://fhir.nl/fhir/NamingSystem/bsn",
        "value": "999911120",
    }
    event = AuditEvent.objects.order_by("-id").first()
    assert AuditEvent.objects.count() == before + 1
    assert (event.patient_code, event.action, event.relation) == (
        world.patient_a.code,
        "view",
        "behandelrelatie",
    )


def test_xml_on_request(login_as, world):
    client = login_as("so")
    response = client.get(f"/fhir/Patient/{world.patient_a.code}", {"_format": "xml"})
    assert response["Content-Type"].startswith("application/fhir+xml")
    assert as_json(response.content)["birthDate"] == "1938-04-02"
    by_header = client.get(
        f"/fhir/Patient/{world.patient_a.code}", HTTP_ACCEPT="application/fhir+xml"
    )
    assert by_header.content.startswith(b"<?xml")


def test_a_physician_without_relation_gets_404(login_as, world):
    response = login_as("avg").get(f"/fhir/Patient/{world.patient_a.code}")
    assert response.status_code == 404
    assert AuditEvent.objects.filter(action="denied", patient_code=world.patient_a.code).exists()


def test_hap_outside_its_area_needs_a_reason(login_as, world):
    client = login_as("hap")
    url = f"/fhir/Patient/{world.patient_b.code}"
    assert client.get(url).status_code == 403
    response = client.get(url, {"reden": "Dienstwaarneming, cliënt belt vanuit logeeradres"})
    assert response.status_code == 200
    assert AuditEvent.objects.filter(patient_code=world.patient_b.code, break_glass=True).exists()


@pytest.mark.parametrize(
    ("resource_type", "expected"),
    [
        ("CareTeam", 1),
        ("Consent", 1),
        ("Practitioner", 1),
        ("PractitionerRole", 1),
        ("Organization", 4),
    ],
)
def test_search_by_patient(login_as, world, handover, resource_type, expected):
    response = login_as("so").get(
        f"/fhir/{resource_type}", {"patient": f"Patient/{world.patient_a.code}"}
    )
    assert response.status_code == 200
    bundle = response.json()
    assert bundle["type"] == "searchset"
    assert bundle["total"] == expected
    assert {e["resource"]["resourceType"] for e in bundle["entry"]} == {resource_type}


def test_search_patient_by_bsn(login_as, world):
    response = login_as("hap").get(
        "/fhir/Patient", {"identifier": "http://fhir.nl/fhir/NamingSystem/bsn|999911120"}
    )
    assert response.json()["total"] == 1
    assert AuditEvent.objects.filter(action="lookup", patient_code=world.patient_a.code).exists()


def test_read_each_kind_by_id(login_as, world, handover):
    client = login_as("so")
    bundle = client.get(f"/fhir/Patient/{world.patient_a.code}/$everything").json()
    for entry in bundle["entry"]:
        resource = entry["resource"]
        response = client.get(f"/fhir/{resource['resourceType']}/{resource['id']}")
        assert response.status_code == 200, resource["id"]
        assert response.json()["id"] == resource["id"]


def test_everything_is_the_hap_bundle_and_imports_back(login_as, world, handover):
    client = login_as("hap")
    response = client.get(f"/fhir/Patient/{world.patient_a.code}/$everything", {"_format": "xml"})
    assert response.status_code == 200
    result = fi.read(response.content)
    assert result.problems == []
    assert result.of(fi.PatientFacts)[0].bsn == "999911120"
    (directive,) = result.of(fi.TreatmentDirectiveFacts)
    assert (directive.treatment, directive.decision) == ("89666000", "deny")
    (team,) = result.of(fi.CareTeamFacts)
    assert [m.role for m in team.members] == ["regiebehandelaar"]
    assert AuditEvent.objects.filter(action="export", patient_code=world.patient_a.code).exists()


def test_unknown_ids_and_types(login_as, world):
    client = login_as("so")
    assert client.get("/fhir/Patient/bestaat-niet").status_code == 404
    assert client.get("/fhir/Observation", {"patient": world.patient_a.code}).status_code == 404
    assert client.get("/fhir/Consent/x-bg-999999").status_code == 404
    assert client.get("/fhir/CareTeam").status_code == 400


def test_metadata(login_as):
    body = json.loads(login_as("so").get("/fhir/metadata").content)
    assert body["resourceType"] == "CapabilityStatement"
    assert {r["type"] for r in body["rest"][0]["resource"]} >= {"Patient", "Consent", "CareTeam"}
