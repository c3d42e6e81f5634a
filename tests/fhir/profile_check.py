"""A small checker of exported resources against the Nictiz StructureDefinitions in shared/.

It reads the differentials of an nl-core profile and the zib profile it derives from, and
checks what the platform's export relies on: required elements (min ≥ 1), fixed and pattern
values (on plain elements and on required slices), and the code systems of required bindings.
Value sets cannot be expanded offline, so each bound value set the export touches must be
listed in BINDING_SYSTEMS; a new one makes the check fail until someone looks it up.
"""

from __future__ import annotations

from pathlib import Path
from xml.etree import ElementTree as ET

from mgz.exchange.fhir import codes

NS = {"f": "http://hl7.org/fhir"}

# Value set (canonical without version) → the code systems its codes come from.
BINDING_SYSTEMS: dict[str, set[str] | None] = {
    "http://hl7.org/fhir/ValueSet/consent-provision-type": None,  # code: permit | deny
    "http://decor.nictiz.nl/fhir/ValueSet/2.16.840.1.113883.2.4.3.11.60.40.2.2.2.1": {
        codes.SNOMED,
        codes.NULL_FLAVOR,
    },
    "http://decor.nictiz.nl/fhir/ValueSet/2.16.840.1.113883.2.4.3.11.60.40.2.7.15.1": {
        codes.ADVANCE_DIRECTIVE_TYPE,
        codes.NULL_FLAVOR,
    },
    "http://decor.nictiz.nl/fhir/ValueSet/2.16.840.1.113883.2.4.3.11.60.121.11.22": {
        codes.UZI_ROLE,
        codes.COD016,
    },
    "http://decor.nictiz.nl/fhir/ValueSet/2.16.840.1.113883.2.4.3.11.60.40.2.17.2.3": {
        codes.ORGANIZATION_TYPE
    },
    "http://decor.nictiz.nl/fhir/ValueSet/2.16.840.1.113883.2.4.3.11.60.40.2.17.2.4": {
        codes.COD016
    },
    "http://decor.nictiz.nl/fhir/ValueSet/2.16.840.1.113883.2.4.3.11.60.40.2.17.1.5": {
        codes.PARTICIPATION_TYPE,
        codes.ROLE_CODE,
    },
    "http://decor.nictiz.nl/fhir/ValueSet/2.16.840.1.113883.2.4.3.11.60.40.2.3.1.2": {
        codes.CONTACT_ROLE
    },
    "http://decor.nictiz.nl/fhir/ValueSet/2.16.840.1.113883.2.4.3.11.60.40.2.3.1.1": {
        codes.ROLE_CODE
    },
}
CODE_VALUES = {"http://hl7.org/fhir/ValueSet/consent-provision-type": {"permit", "deny"}}


def _chain(profiles: Path, url: str) -> list[ET.Element]:
    """The StructureDefinition of `url` and its Nictiz bases, most specific first."""
    by_url = {}
    for path in profiles.glob("*.xml"):
        root = ET.parse(path).getroot()
        by_url[root.find("f:url", NS).get("value")] = root
    chain = []
    while url in by_url:
        chain.append(by_url[url])
        url = by_url[url].find("f:baseDefinition", NS).get("value")
    assert chain, f"profiel {url} niet gevonden"
    return chain


def _values(node, path: list[str]) -> list:
    """All values at a dotted path in a JSON resource; lists are flattened."""
    items = [node]
    for step in path:
        found = []
        for item in items:
            if isinstance(item, dict) and step in item:
                value = item[step]
                found.extend(value if isinstance(value, list) else [value])
        items = found
    return items


def _matches(value, pattern: ET.Element) -> bool:
    """Whether a JSON value contains the pattern (FHIR pattern semantics: a subset)."""
    children = [c for c in pattern if isinstance(c.tag, str)]
    if not children:
        return value == pattern.get("value")
    if not isinstance(value, dict):
        return False
    for child in children:
        name = child.tag.split("}")[1]
        candidates = value.get(name)
        candidates = candidates if isinstance(candidates, list) else [candidates]
        if not any(c is not None and _matches(c, child) for c in candidates):
            return False
    return True


def check(resource: dict, profile_url: str, profiles: Path) -> list[str]:
    """Problems of one exported resource (JSON form) against a profile and its base."""
    problems: list[str] = []
    bindings: dict[str, set[str]] = {}
    for sd in _chain(profiles, profile_url):
        for element in sd.findall("f:differential/f:element", NS):
            element_id = element.get("id")
            path = element.find("f:path", NS).get("value").split(".")[1:]
            sliced = ":" in element_id.split(".")[-1]
            in_slice = ":" in element_id
            minimum = element.find("f:min", NS)
            values = _values(resource, path)
            pattern = next(
                (c for c in element if c.tag.split("}")[1].startswith(("pattern", "fixed"))), None
            )
            if pattern is not None and path[-1:] != ["url"]:
                if sliced and minimum is not None and int(minimum.get("value")) >= 1:
                    if not any(_matches(v, pattern) for v in values):
                        problems.append(f"{element_id}: verplichte slice ontbreekt")
                elif not in_slice:
                    problems.extend(
                        f"{element_id}: {v} wijkt af van het vaste patroon"
                        for v in values
                        if not _matches(v, pattern)
                    )
            elif (
                minimum is not None
                and int(minimum.get("value")) >= 1
                and not in_slice
                and not values
            ):
                problems.append(f"{element_id}: verplicht element ontbreekt")
            binding = element.find("f:binding", NS)
            if binding is not None and binding.find("f:strength", NS).get("value") == "required":
                value_set = binding.find("f:valueSet", NS)
                if value_set is None:
                    continue
                canonical = value_set.get("value").split("|")[0].split("--")[0]
                key = ".".join(path)
                if canonical in CODE_VALUES:
                    problems.extend(
                        f"{element_id}: code {v!r} niet in {canonical}"
                        for v in values
                        if v not in CODE_VALUES[canonical]
                    )
                    continue
                if not values:
                    continue
                if canonical not in BINDING_SYSTEMS:
                    problems.append(f"{element_id}: waardelijst {canonical} onbekend in de test")
                    continue
                bindings.setdefault(key, set()).update(BINDING_SYSTEMS[canonical] or set())
    for key, systems in bindings.items():
        for concept in _values(resource, key.split(".")):
            codings = concept.get("coding", []) if isinstance(concept, dict) else []
            problems.extend(
                f"{key}: codesysteem {c.get('system')} niet toegestaan"
                for c in codings
                if c.get("system") not in systems
            )
    return problems
