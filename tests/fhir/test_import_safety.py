"""What the platform does not use is ignored; what could change the meaning and is not
understood makes the import refuse that resource with a clear message, never drop it silently."""

from __future__ import annotations

import json

import pytest

from mgz.exchange.fhir import codes
from mgz.exchange.fhir import fhir_import as fi
from tests.fhir.conftest import example_json

UNKNOWN = "https://example.org/fhir/StructureDefinition/alleen-bij-volle-maan"


def directive() -> dict:
    return example_json("nl-core-TreatmentDirective2-01")


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
    good = example_json("nl-core-Patient-01")
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
    data = example_json("nl-core-Patient-01")
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
    with pytest.raises(fi.FhirInputError, match="DOCTYPE"):
        fi.read(text)


FAMILY = '<Patient xmlns="http://hl7.org/fhir"><name><family value="{}"/></name></Patient>'


@pytest.mark.parametrize(
    "text",
    [
        # an internal entity, used in a value: never expanded, the whole message refused
        '<!DOCTYPE Patient [<!ENTITY a "Geheim">]>' + FAMILY.format("&a;"),
        # an external entity (a local file)
        '<!DOCTYPE Patient [<!ENTITY a SYSTEM "file:///etc/hostname">]>' + FAMILY.format("&a;"),
        # an external DTD on the network
        '<!DOCTYPE Patient SYSTEM "http://example.org/fhir.dtd">' + FAMILY.format("x"),
        # a DOCTYPE behind a long comment, out of reach of a look at the first bytes
        "<!--" + "x" * 10_000 + '--><!DOCTYPE Patient [<!ENTITY a "b">]>' + FAMILY.format("x"),
        # an entity nobody declared
        FAMILY.format("&a;"),
    ],
    ids=["internal", "external-file", "external-dtd", "after-comment", "undeclared"],
)
def test_xml_entities_and_dtds_are_never_used(text):
    with pytest.raises(fi.FhirInputError):
        fi.read(text.encode())


def test_plain_fhir_xml_without_doctype_is_read():
    (fact,) = fi.read(FAMILY.format("de Vries").encode()).facts
    assert fact.family_name == "de Vries"


@pytest.mark.parametrize(
    "text",
    [
        '<Patient xmlns="http://hl7.org/fhir"><onzin value="x"/></Patient>',
        '<Patient xmlns="http://hl7.org/fhir"><active value="misschien"/></Patient>',
        '<Patient xmlns="http://example.org/niet-fhir"/>',
        '<Onzin xmlns="http://hl7.org/fhir"/>',
        '<Patient xmlns="http://hl7.org/fhir"><name>',
    ],
)
def test_unreadable_xml_raises_a_clear_error(text):
    with pytest.raises(fi.FhirInputError):
        fi.read(text)
