"""FHIR XML for the fhir.resources models, driven by the models' own field definitions.

fhir.resources reads and writes XML through lxml, which this project does not install. This
bridge uses the standard library parser and the same model metadata fhir_core uses (which
element repeats, which is a primitive, which type a child has), so no FHIR structure is
written by hand here: a resource is converted to its JSON form and validated by the model.
When lxml is available, the library's own XML support is used instead.
"""

from __future__ import annotations

import json
from decimal import Decimal
from functools import lru_cache
from typing import Any
from xml.etree import ElementTree as ET
from xml.sax.saxutils import escape, quoteattr

from fhir.resources.R4B import get_fhir_model_class
from fhir_core.fhirabstractmodel import FHIRAbstractModel
from fhir_core.utils import (
    determine_version_prefix_from_class,
    get_fhir_type_name,
    is_list_type,
    is_primitive_type,
)

FHIR_NS = "http://hl7.org/fhir"
XHTML_NS = "http://www.w3.org/1999/xhtml"
_INTEGERS = {"integer", "positiveInt", "unsignedInt", "integer64"}


class FhirXmlError(ValueError):
    """The text is not FHIR XML the models can read."""


def _local(tag: str) -> tuple[str, str]:
    if tag.startswith("{"):
        ns, _, name = tag[1:].partition("}")
        return ns, name
    return "", tag


def xml_to_dict(text: str | bytes) -> dict:
    """The JSON form of a FHIR XML resource."""
    head = text[:4096] if isinstance(text, str) else text[:4096].decode("utf-8", "replace")
    if "<!DOCTYPE" in head.upper() or "<!ENTITY" in head.upper():
        # FHIR XML has no DTD; refusing one rules out entity tricks on a medical endpoint.
        raise FhirXmlError("FHIR-XML mag geen DOCTYPE of ENTITY bevatten.")
    try:
        root = ET.fromstring(text)
    except ET.ParseError as error:
        raise FhirXmlError(f"Geen geldige XML: {error}") from error
    ns, name = _local(root.tag)
    if ns != FHIR_NS:
        raise FhirXmlError("Geen FHIR-XML: de namespace is niet http://hl7.org/fhir.")
    return _resource(root, name)


def _resource(element: ET.Element, resource_type: str) -> dict:
    try:
        klass = get_fhir_model_class(resource_type)
    except ValueError as error:
        raise FhirXmlError(f"Onbekend resourcetype '{resource_type}'.") from error
    data = {"resourceType": resource_type}
    data.update(_children(element, klass))
    return data


@lru_cache(maxsize=2048)
def _field(klass: type[FHIRAbstractModel], name: str) -> tuple[bool, bool, str]:
    """(repeats, primitive, FHIR type name) of one element of a model."""
    aliases = klass.get_alias_mapping()
    if name not in aliases:
        raise FhirXmlError(f"Onbekend element '{name}' in {klass.get_resource_type()}.")
    info = klass.model_fields[aliases[name]]
    prefix = determine_version_prefix_from_class(klass)
    return is_list_type(info), is_primitive_type(info), get_fhir_type_name(info, prefix)


def _children(element: ET.Element, klass: type[FHIRAbstractModel]) -> dict:
    data: dict[str, Any] = {}
    for attribute in ("id", "url"):
        if attribute in element.attrib and not klass.has_resource_base():
            data[attribute] = element.attrib[attribute]
    for child in element:
        if not isinstance(child.tag, str):
            continue  # comments and processing instructions
        ns, name = _local(child.tag)
        if ns == XHTML_NS and name == "div":
            data["div"] = _xhtml(child)
            continue
        repeats, primitive, type_name = _field(klass, name)
        if primitive:
            value = _primitive(child.attrib.get("value"), type_name)
            extra = _children(child, get_fhir_model_class("Element"))
            if repeats:
                data.setdefault(name, []).append(value)
                data.setdefault("_" + name, []).append(extra or None)
            else:
                if value is not None:
                    data[name] = value
                if extra:
                    data["_" + name] = extra
            continue
        if type_name == "Resource" or (
            klass.get_resource_type() == "Bundle" and name == "resource"
        ):
            inner = next((c for c in child if isinstance(c.tag, str)), None)
            if inner is None:
                raise FhirXmlError(f"Element '{name}' bevat geen resource.")
            value = _resource(inner, _local(inner.tag)[1])
        else:
            value = _children(child, get_fhir_model_class(type_name))
        if repeats:
            data.setdefault(name, []).append(value)
        else:
            data[name] = value
    for key in [k for k in data if k.startswith("_") and isinstance(data[k], list)]:
        if not any(data[key]):
            del data[key]
    return data


def _primitive(value: str | None, type_name: str) -> Any:
    if value is None:
        return None
    if type_name == "boolean":
        return value == "true"
    if type_name in _INTEGERS:
        return int(value)
    if type_name == "decimal":
        return Decimal(value)
    return value


def _xhtml(element: ET.Element, *, root: bool = True) -> str:
    _, name = _local(element.tag)
    attributes = "".join(f" {_local(k)[1]}={quoteattr(v)}" for k, v in element.attrib.items())
    if root:
        attributes = f' xmlns="{XHTML_NS}"' + attributes
    inner = escape(element.text or "")
    for child in element:
        if isinstance(child.tag, str):
            inner += _xhtml(child, root=False)
        inner += escape(child.tail or "")
    return f"<{name}{attributes}>{inner}</{name}>"


def model_from_xml(text: str | bytes) -> FHIRAbstractModel:
    data = xml_to_dict(text)
    return get_fhir_model_class(data["resourceType"]).model_validate(data)


def model_to_xml(resource: FHIRAbstractModel) -> str:
    """FHIR XML of a model, elements in the order the specification prescribes."""
    data = json.loads(resource.model_dump_json())
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + _write_resource(data, root=True)


def _write_resource(data: dict, *, root: bool = False) -> str:
    name = data["resourceType"]
    body = _write_members(data, in_extension=False, resource=True)
    return f'<{name} xmlns="{FHIR_NS}">{body}</{name}>'


def _write_members(data: dict, *, in_extension: bool, resource: bool = False) -> str:
    out: list[str] = []
    for key, value in data.items():
        if key == "resourceType":
            continue
        if key.startswith("_"):
            if key[1:] in data:
                continue  # written together with its value
            out.append(_write_primitive(key[1:], None, value))
            continue
        if (not resource and key == "id") or (in_extension and key == "url"):
            continue  # attributes, written by the caller
        if key == "div":
            out.append(value)
            continue
        extras = data.get("_" + key)
        if isinstance(value, list):
            for index, item in enumerate(value):
                extra = extras[index] if isinstance(extras, list) and index < len(extras) else None
                out.append(_write_value(key, item, extra))
        else:
            out.append(_write_value(key, value, extras))
    return "".join(out)


def _write_value(key: str, value: Any, extra: Any) -> str:
    if isinstance(value, dict):
        if "resourceType" in value:
            return f"<{key}>{_write_resource(value)}</{key}>"
        attributes = ""
        if "id" in value:
            attributes += f" id={quoteattr(str(value['id']))}"
        is_extension = key in ("extension", "modifierExtension")
        if is_extension and "url" in value:
            attributes += f" url={quoteattr(value['url'])}"
        return f"<{key}{attributes}>{_write_members(value, in_extension=is_extension)}</{key}>"
    return _write_primitive(key, value, extra)


def _write_primitive(key: str, value: Any, extra: Any) -> str:
    attributes = ""
    if isinstance(extra, dict) and "id" in extra:
        attributes += f" id={quoteattr(str(extra['id']))}"
    if value is not None:
        text = ("true" if value else "false") if isinstance(value, bool) else str(value)
        attributes += f" value={quoteattr(text)}"
    if isinstance(extra, dict) and extra.get("extension"):
        inner = "".join(_write_value("extension", e, None) for e in extra["extension"])
        return f"<{key}{attributes}>{inner}</{key}>"
    return f"<{key}{attributes}/>"
