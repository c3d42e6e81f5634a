"""FHIR XML is read and written by fhir.resources (with lxml): extensions, modifier
extensions, contained resources, the narrative and extensions on primitives (`_birthDate`,
`_given`) survive XML → model → XML → model."""

from __future__ import annotations

import json

from mgz.exchange.fhir import fhir_import as fi
from tests.fhir.conftest import as_json, example, example_json

PATIENT = b"""<?xml version="1.0" encoding="UTF-8"?>
<Patient xmlns="http://hl7.org/fhir">
  <id value="p1"/>
  <text>
    <status value="generated"/>
    <div xmlns="http://www.w3.org/1999/xhtml"><p>Anna de Vri&#235;s, <b>1938</b></p></div>
  </text>
  <contained>
    <Organization><id value="o1"/><name value="Zorggroep Noord"/></Organization>
  </contained>
  <extension url="https://example.org/ext"><valueBoolean value="true"/></extension>
  <identifier>
    <system value="http://fhir.nl/fhir/NamingSystem/bsn"/><value value="111222333"/>
  </identifier>
  <active value="true"/>
  <name>
    <use value="official"/>
    <family value="de Vries">
      <extension url="http://hl7.org/fhir/StructureDefinition/humanname-own-name">
        <valueString value="Vries"/>
      </extension>
    </family>
    <given value="A.">
      <extension url="http://hl7.org/fhir/StructureDefinition/iso21090-EN-qualifier">
        <valueCode value="IN"/>
      </extension>
    </given>
    <given value="Anna"/>
    <given>
      <extension url="http://hl7.org/fhir/StructureDefinition/iso21090-EN-qualifier">
        <valueCode value="BR"/>
      </extension>
    </given>
  </name>
  <birthDate value="1938-04-02">
    <extension url="http://hl7.org/fhir/StructureDefinition/patient-birthTime">
      <valueDateTime value="1938-04-02T10:00:00+01:00"/>
    </extension>
  </birthDate>
  <deceasedBoolean>
    <extension url="http://hl7.org/fhir/StructureDefinition/data-absent-reason">
      <valueCode value="unknown"/>
    </extension>
  </deceasedBoolean>
  <multipleBirthInteger value="2"/>
  <managingOrganization><reference value="#o1"/></managingOrganization>
</Patient>"""


def test_the_library_keeps_every_kind_of_fact():
    data = as_json(PATIENT)
    assert data["contained"] == [
        {"resourceType": "Organization", "id": "o1", "name": "Zorggroep Noord"}
    ]
    assert data["extension"] == [{"url": "https://example.org/ext", "valueBoolean": True}]
    assert data["birthDate"] == "1938-04-02"
    assert data["_birthDate"]["extension"][0]["valueDateTime"] == "1938-04-02T10:00:00+01:00"
    assert data["_deceasedBoolean"]["extension"][0]["valueCode"] == "unknown"
    assert "deceasedBoolean" not in data
    name = data["name"][0]
    assert name["given"] == ["A.", "Anna", None]
    assert [e and e["extension"][0]["valueCode"] for e in name["_given"]] == ["IN", None, "BR"]
    assert name["_family"]["extension"][0]["valueString"] == "Vries"
    assert data["multipleBirthInteger"] == 2
    assert "Vri&#235;s" in data["text"]["div"] or "Vriës" in data["text"]["div"]
    assert "<b>1938</b>" in data["text"]["div"]


def test_the_library_writes_what_it_reads():
    model = fi.parse(PATIENT)
    xml = model.model_dump_xml()
    first, again = json.loads(model.model_dump_json()), as_json(xml)
    # The library keeps the whitespace after </div> from the file in the narrative the first
    # time it reads it; that whitespace is outside the XHTML and no fact.
    assert first["text"].pop("div").strip() == again["text"].pop("div")
    assert again == first
    assert b'<Patient xmlns="http://hl7.org/fhir">' in xml
    assert b'<birthDate value="1938-04-02"><extension' in xml


def test_facts_are_read_from_the_library_model():
    (fact,) = fi.read(PATIENT).facts
    assert (fact.bsn, fact.family_name, fact.birth_date.year) == ("111222333", "de Vries", 1938)


def test_a_modifier_extension_survives_xml_and_refuses_the_resource():
    text = example("nl-core-Patient-01").read_text(encoding="utf-8")
    text = text.replace(
        "<identifier>",
        '<modifierExtension url="https://example.org/onbekend"><valueBoolean value="true"/>'
        "</modifierExtension><identifier>",
        1,
    )
    result = fi.read(text.encode())
    assert result.facts == []
    (problem,) = result.refused
    assert "https://example.org/onbekend" in problem.message


def test_json_and_xml_of_an_example_give_the_same_model():
    data = example_json("nl-core-Patient-01")
    assert as_json(json.dumps(data)) == data
