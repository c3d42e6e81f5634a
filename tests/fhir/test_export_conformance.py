"""The export conforms to the Nictiz nl-core profiles in shared/ (required elements, fixed and
pattern values, bound code systems), and the checker itself catches a broken resource."""

from __future__ import annotations

import json

import pytest

from mgz.exchange.fhir import codes
from mgz.exchange.fhir.fhir_export import patient_bundle, patient_resources
from tests.fhir.conftest import EXAMPLES, PROFILES, as_json
from tests.fhir.profile_check import check


def _profile_of(resource: dict) -> str:
    return resource["meta"]["profile"][0]


def test_every_exported_resource_conforms_to_its_profile(fhir_world):
    resources = [json.loads(r.model_dump_json()) for r in patient_resources(fhir_world.patient)]
    kinds = {(r["resourceType"], _profile_of(r)) for r in resources}
    assert {p for _, p in kinds} == set(codes.PROFILE.values())
    for resource in resources:
        assert check(resource, _profile_of(resource), PROFILES) == [], resource["id"]


@pytest.mark.parametrize("path", sorted(EXAMPLES.glob("*.xml")), ids=lambda p: p.stem)
def test_the_checker_accepts_the_published_examples(path):
    resource = as_json(path.read_bytes())
    profile = resource.get("meta", {}).get("profile", [""])[0]
    if profile not in codes.PROFILE.values():
        pytest.skip("geen profiel dat het platform uitwisselt")
    # The examples use a few bound value sets the platform itself never writes.
    problems = [p for p in check(resource, profile, PROFILES) if "onbekend in de test" not in p]
    assert problems == []


def test_the_checker_catches_a_missing_category_and_a_wrong_scope(fhir_world):
    consent = next(
        json.loads(r.model_dump_json())
        for r in patient_resources(fhir_world.patient)
        if _profile_of(json.loads(r.model_dump_json())) == codes.PROFILE["TreatmentDirective"]
    )
    consent["category"] = [{"coding": [{"system": codes.SNOMED, "code": "1"}]}]
    consent["scope"] = {"coding": [{"system": codes.CONSENT_SCOPE, "code": "adr"}]}
    consent["provision"]["code"][0]["coding"][0]["system"] = "http://loinc.org"
    problems = check(consent, codes.PROFILE["TreatmentDirective"], PROFILES)
    assert any("treatmentDirectiveCode" in p for p in problems)
    assert any("Consent.scope" in p for p in problems)
    assert any("loinc" in p for p in problems)


def test_regiebehandelaar_is_the_participant_with_role_resp(fhir_world):
    resources = [json.loads(r.model_dump_json()) for r in patient_resources(fhir_world.patient)]
    team = next(r for r in resources if r["resourceType"] == "CareTeam")
    resp = [p for p in team["participant"] if p["role"][0]["coding"][0]["code"] == "RESP"]
    assert [p["member"]["display"] for p in resp] == [str(fhir_world.huisarts)]
    patient = next(r for r in resources if r["resourceType"] == "Patient")
    assert {"system": codes.BSN, "value": fhir_world.patient.bsn} in patient["identifier"]


def test_bundle_serialises_as_json_and_xml(fhir_world):
    bundle = patient_bundle(fhir_world.patient, base_url="https://mgz.test/fhir")
    data = json.loads(bundle.model_dump_json())
    assert data["type"] == "collection"
    assert all(e["fullUrl"].startswith("https://mgz.test/fhir/") for e in data["entry"])
    xml = bundle.model_dump_xml().decode("utf-8")
    assert xml.startswith("<?xml")
    assert xml.count("<entry>") == len(data["entry"])
    assert '<Bundle xmlns="http://hl7.org/fhir">' in xml
    assert as_json(xml) == data
