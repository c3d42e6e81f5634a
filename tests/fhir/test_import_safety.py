"""What the platform does not use is ignored; what could change the meaning and is not
understood makes the import refuse that resource with a clear message, never drop it silently."""

from __future__ import annotations

import json

import pytest

from mgz.exchange.fhir import codes
from mgz.exchange.fhir import fhir_import as fi
from mgz.exchange.fhir.xml import xml_to_dict
from tests.fhir.conftest import example

UNKNOWN = "https://example.org/fhir/StructureDefinition/alleen-bij-volle-maan"


def directive() -> dict:
    return xml_to_dict(example("nl-core-TreatmentDirective2-01").read_bytes())


def bundle(*resources: dict) -> str:
    return json.dumps(
        {
            "resourceType": "Bundle",
            "type": "collection",
            "entry": [{"resource": r} for r in resources],
        }
    )


def test_unknown_extension_is_ignored_and_the_facts_stay():
    data = directive()
    data.setdefault("extension", []).append({"url": UNKNOWN, "valueString": "x"})
    data["provision"]["extension"].append({"url": UNKNOWN, "valueBoolean": True})
    result = fi.read(json.dumps(data))
    assert result.problems == []
    assert result.of(fi.TreatmentDirectiveFacts)[0].treatment == "305351004"


def test_unknown_modifier_extension_refuses_the_resource_with_a_message():
    data = directive()
    data["modifierExtension"] = [{"url": UNKNOWN, "valueBoolean": True}]
    result = fi.read(json.dumps(data))
    assert result.facts == []
    (problem,) = result.refused
    assert problem.ref == "Consent/nl-core-TreatmentDirective2-01"
    assert UNKNOWN in problem.message
    assert "niet ingelezen" in problem.message


def test_unknown_modifier_extension_deep_inside_is_found_too():
    data = directive()
    data["provision"]["modifierExtension"] = [{"url": UNKNOWN, "valueBoolean": True}]
    assert fi.read(json.dumps(data)).refused


def test_only_the_refused_resource_is_left_out_of_a_bundle():
    bad = directive()
    bad["modifierExtension"] = [{"url": UNKNOWN, "valueBoolean": True}]
    good = xml_to_dict(example("nl-core-Patient-01").read_bytes())
    result = fi.read(bundle(bad, good))
    assert [p.ref for p in result.refused] == ["Consent/nl-core-TreatmentDirective2-01"]
    assert result.of(fi.PatientFacts)[0].bsn == "111222333"


def test_specification_other_is_a_modifier_the_platform_understands():
    data = directive()
    del data["provision"]["type"]
    data["modifierExtension"] = [
        {"url": codes.EXT_SPECIFICATION_OTHER, "valueString": "Alleen na overleg met de familie"}
    ]
    fact = fi.read(json.dumps(data)).of(fi.TreatmentDirectiveFacts)[0]
    assert fact.decision == "anders"
    assert fact.specification == "Alleen na overleg met de familie"


def test_implicit_rules_refuse_the_resource():
    data = directive()
    data["implicitRules"] = "https://example.org/eigen-regels"
    (problem,) = fi.read(json.dumps(data)).refused
    assert "implicitRules" in problem.message


def test_a_directive_without_decision_is_refused_not_guessed():
    data = directive()
    del data["provision"]["type"]
    (problem,) = fi.read(json.dumps(data)).refused
    assert "besluit" in problem.message


def test_an_invalid_bsn_is_refused():
    data = xml_to_dict(example("nl-core-Patient-01").read_bytes())
    data["identifier"][0]["value"] = "123456789"
    (problem,) = fi.read(json.dumps(data)).refused
    assert "11-proef" in problem.message


@pytest.mark.parametrize(
    "text",
    [
        "not fhir",
        "{}",
        '{"resourceType": "Onzin"}',
        "<Patient/>",
        '{"resourceType": "Patient", "birthDate": 5}',
    ],
)
def test_unreadable_messages_raise_a_clear_error(text):
    with pytest.raises(fi.FhirInputError):
        fi.read(text)


def test_xml_with_a_doctype_is_refused():
    text = (
        '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "b">]><Patient xmlns="http://hl7.org/fhir"/>'
    )
    with pytest.raises(fi.FhirInputError):
        fi.read(text)
