"""Reading FHIR R4 (nl-core, zib 2020) into the facts the MGZ platform uses, and storing them.

Reading is two steps. `read` parses JSON or XML with fhir.resources and turns every resource
into a plain fact (PatientFacts, TreatmentDirectiveFacts, …) or a problem. `store` writes the
facts of one patient into the registry and a new handover version.

Safety rules (FHIR's own): an element or extension the platform does not use is ignored; a
modifierExtension it does not understand, or implicitRules, changes the meaning of the
resource, so that resource is refused with a message and nothing of it is used.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta

from django.db import transaction
from django.utils import timezone
from fhir.resources.R4B import get_fhir_model_class
from fhir_core.fhirabstractmodel import FHIRAbstractModel
from lxml import etree
from pydantic import ValidationError

from mgz.core.bsn import is_valid_bsn, normalise_bsn
from mgz.exchange.fhir import codes
from mgz.handover.constants import AdvanceDirectiveKind, Decision, Treatment
from mgz.registry import bsn_crypto
from mgz.registry.models import ContactPerson, Patient


class FhirInputError(ValueError):
    """The message as a whole cannot be read (not JSON/XML, not FHIR, invalid structure)."""


# ---------------------------------------------------------------------------- facts


@dataclass(frozen=True)
class PatientFacts:
    ref: str
    bsn: str
    family_name: str
    given_name: str
    birth_date: date | None
    postcode: str
    general_practitioner: str = ""


@dataclass(frozen=True)
class ProfessionalFacts:
    ref: str
    family_name: str
    initials: str
    big: str = ""
    uzi: str = ""
    agb: str = ""
    code: str = ""
    phone: str = ""


@dataclass(frozen=True)
class RoleFacts:
    ref: str
    practitioner: str
    organisation: str
    discipline: str
    specialty: tuple[str, str, str] | None
    phone: str = ""


@dataclass(frozen=True)
class OrganisationFacts:
    ref: str
    name: str
    ura: str = ""
    agb: str = ""
    code: str = ""
    kind: str = ""
    type_codes: tuple[str, ...] = ()
    phone: str = ""


@dataclass(frozen=True)
class CareTeamMemberFacts:
    member: str
    role: str
    start: date | None
    end: date | None


@dataclass(frozen=True)
class CareTeamFacts:
    ref: str
    patient: str
    members: tuple[CareTeamMemberFacts, ...]


@dataclass(frozen=True)
class ContactFacts:
    ref: str
    patient: str
    name: str
    relation: str
    phone: str
    first_contact: bool


@dataclass(frozen=True)
class TreatmentDirectiveFacts:
    ref: str
    patient: str
    treatment: str
    treatment_text: str
    decision: str
    specification: str
    conditions: str
    agreed_on: date | None
    expired_on: date | None
    reason_for_ending: str
    active: bool


@dataclass(frozen=True)
class AdvanceDirectiveFacts:
    ref: str
    patient: str
    kind: str
    kind_text: str
    signed_on: date | None
    representative: str
    comment: str


Facts = (
    PatientFacts
    | ProfessionalFacts
    | RoleFacts
    | OrganisationFacts
    | CareTeamFacts
    | ContactFacts
    | TreatmentDirectiveFacts
    | AdvanceDirectiveFacts
)


@dataclass(frozen=True)
class Problem:
    """A resource refused or ignored, with a Dutch message."""

    ref: str
    message: str
    refused: bool


@dataclass
class ReadResult:
    facts: list[Facts] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)

    def of(self, kind: type) -> list:
        return [f for f in self.facts if isinstance(f, kind)]

    @property
    def refused(self) -> list[Problem]:
        return [p for p in self.problems if p.refused]


# ---------------------------------------------------------------------------- parsing


FHIR_NS = "http://hl7.org/fhir"


def _xml_parser() -> etree.XMLParser:
    """lxml without entity expansion, network or DTD loading; DTDs are refused in parse_xml."""
    return etree.XMLParser(
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        dtd_validation=False,
        huge_tree=False,
        remove_pis=True,
    )


def parse(text: str | bytes) -> FHIRAbstractModel:
    """A resource or Bundle from FHIR JSON or XML (recognised by the first character)."""
    if isinstance(text, bytes):
        try:
            text = text.decode("utf-8-sig")
        except UnicodeDecodeError as error:
            raise FhirInputError(f"Het bericht is geen UTF-8: {error}") from error
    stripped = text.lstrip()
    if stripped.startswith("<"):
        return parse_xml(stripped.encode("utf-8"))
    try:
        data = json.loads(stripped)
    except json.JSONDecodeError as error:
        raise FhirInputError(f"Het bericht is geen FHIR-JSON of -XML: {error}") from error
    if not isinstance(data, dict) or "resourceType" not in data:
        raise FhirInputError("Het bericht heeft geen resourceType.")
    klass = _model_class(data["resourceType"])
    try:
        return klass.model_validate(data)
    except ValidationError as error:
        raise _invalid(data["resourceType"], error) from error


def parse_xml(data: bytes) -> FHIRAbstractModel:
    """FHIR XML through the library's own reader (fhir.resources with lxml).

    FHIR XML has no DTD: a DOCTYPE (and with it any ENTITY declaration) is refused before the
    library sees the text, so no entity or external reference is ever expanded.
    """
    parser = _xml_parser()
    try:
        root = etree.fromstring(data, parser)
    except etree.XMLSyntaxError as error:
        raise FhirInputError(f"Het bericht is geen FHIR-JSON of -XML: {error}") from error
    docinfo = root.getroottree().docinfo
    if docinfo.doctype or docinfo.internalDTD is not None or docinfo.externalDTD is not None:
        raise FhirInputError("FHIR-XML mag geen DOCTYPE of ENTITY bevatten.")
    name = etree.QName(root)
    if name.namespace != FHIR_NS:
        raise FhirInputError("Geen FHIR-XML: de namespace is niet http://hl7.org/fhir.")
    klass = _model_class(name.localname)
    try:
        return klass.model_validate_xml(data, xmlparser=parser)
    except ValidationError as error:
        raise _invalid(name.localname, error) from error
    except KeyError as error:
        # The library looks every element up in the model; one FHIR R4 does not know fails.
        raise FhirInputError(
            f"{name.localname} bevat een element dat FHIR R4 niet kent: {error.args[0]}."
        ) from error
    except (ValueError, TypeError, AttributeError, etree.LxmlError) as error:
        raise FhirInputError(f"{name.localname} is geen geldige FHIR-XML: {error}") from error


def _model_class(resource_type: str) -> type[FHIRAbstractModel]:
    try:
        return get_fhir_model_class(resource_type)
    except (ValueError, TypeError) as error:
        raise FhirInputError(f"Onbekend resourcetype '{resource_type}'.") from error


def _invalid(resource_type: str, error: ValidationError) -> FhirInputError:
    first = error.errors()[0]
    where = ".".join(str(p) for p in first.get("loc", ()))
    return FhirInputError(f"{resource_type} voldoet niet aan FHIR R4: {where}: {first.get('msg')}")


def resources_of(model: FHIRAbstractModel) -> list[FHIRAbstractModel]:
    if model.get_resource_type() == "Bundle":
        return [e.resource for e in (model.entry or []) if e.resource is not None]
    return [model]


def read(text: str | bytes) -> ReadResult:
    return read_resources(resources_of(parse(text)))


def read_resources(resources: Iterable[FHIRAbstractModel]) -> ReadResult:
    result = ReadResult()
    for resource in resources:
        ref = f"{resource.get_resource_type()}/{resource.id or '?'}"
        refusal = _refusal(resource)
        if refusal:
            result.problems.append(Problem(ref, refusal, refused=True))
            continue
        reader = _READERS.get(resource.get_resource_type())
        if reader is None:
            result.problems.append(
                Problem(
                    ref,
                    f"{resource.get_resource_type()} gebruikt het MGZ-platform niet; genegeerd.",
                    False,
                )
            )
            continue
        try:
            fact = reader(resource, ref)
        except ValueError as error:
            result.problems.append(Problem(ref, str(error), refused=True))
            continue
        if isinstance(fact, Problem):
            result.problems.append(fact)
        elif isinstance(fact, list):
            result.facts.extend(fact)
        else:
            result.facts.append(fact)
    return result


def _refusal(resource: FHIRAbstractModel) -> str | None:
    """Why this resource must not be used, or None. Looks at every nesting level."""
    if getattr(resource, "implicitRules", None):
        return (
            f"{resource.get_resource_type()} heeft implicitRules ({resource.implicitRules}); "
            "die kent het MGZ-platform niet, dus deze resource is niet ingelezen."
        )
    unknown = sorted(
        {
            url
            for url in _modifier_urls(json.loads(resource.model_dump_json()))
            if url not in codes.UNDERSTOOD_MODIFIER_EXTENSIONS
        }
    )
    if unknown:
        return (
            f"{resource.get_resource_type()} bevat een modifierExtension die het MGZ-platform "
            f"niet begrijpt ({', '.join(unknown)}); die kan de betekenis omkeren, dus deze "
            "resource is niet ingelezen."
        )
    return None


def _modifier_urls(node) -> Iterable[str]:
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "modifierExtension":
                yield from (e.get("url", "?") for e in value)
            if key in ("contained", "resource"):
                continue  # a contained resource is judged on its own
            yield from _modifier_urls(value)
    elif isinstance(node, list):
        for item in node:
            yield from _modifier_urls(item)


# ---------------------------------------------------------------------------- readers


def _identifier(resource, system: str) -> str:
    for identifier in getattr(resource, "identifier", None) or []:
        if identifier.system == system and identifier.value:
            return identifier.value
    return ""


def _ref(reference) -> str:
    return (reference.reference or "") if reference is not None else ""


def _official_name(resource):
    names = getattr(resource, "name", None) or []
    for name in names:
        if name.use == "official":
            return name
    return names[0] if names else None


def _phone(resource) -> str:
    for telecom in getattr(resource, "telecom", None) or []:
        if telecom.system == "phone" and telecom.value:
            return telecom.value
    return ""


def _ext_string(resource, url: str) -> str:
    for extension in getattr(resource, "extension", None) or []:
        if extension.url == url and extension.valueString:
            return extension.valueString
    return ""


def _read_patient(resource, ref: str) -> list[Facts]:
    bsn = normalise_bsn(_identifier(resource, codes.BSN))
    if bsn and not is_valid_bsn(bsn):
        raise ValueError(f"{ref}: BSN '{bsn}' voldoet niet aan de 11-proef; niet ingelezen.")
    name = _official_name(resource)
    postcode = ""
    for address in resource.address or []:
        if address.use in (None, "home") and address.postalCode:
            postcode = address.postalCode
            break
    gps = resource.generalPractitioner or []
    patient = PatientFacts(
        ref=ref,
        bsn=bsn,
        family_name=(name.family or "") if name else "",
        given_name=" ".join(g for g in name.given or [] if g) if name else "",
        birth_date=resource.birthDate,
        postcode=postcode,
        general_practitioner=_ref(gps[0]) if gps else "",
    )
    # zib Patient may carry its contact persons inline (Patient.contact) instead of as
    # RelatedPerson resources; both are contacts for the platform.
    contacts = [
        _contact_facts(
            f"{ref}#contact-{n}", ref, contact.relationship, contact.name, contact.telecom
        )
        for n, contact in enumerate(resource.contact or [], start=1)
    ]
    return [patient, *contacts]


def _read_practitioner(resource, ref: str) -> ProfessionalFacts:
    name = _official_name(resource)
    initials = ""
    if name is not None:
        initials = "".join(g if g.endswith(".") else f"{g[0]}." for g in name.given or [] if g)
    return ProfessionalFacts(
        ref=ref,
        family_name=(name.family or name.text or "") if name else "",
        initials=initials,
        big=_identifier(resource, codes.BIG),
        uzi=_identifier(resource, codes.UZI_PERSON),
        agb=_identifier(resource, codes.AGB),
        code=_identifier(resource, codes.MGZ_PROFESSIONAL),
        phone=_phone(resource),
    )


def _read_practitioner_role(resource, ref: str) -> RoleFacts:
    specialty = None
    discipline = ""
    for concept in resource.specialty or []:
        for coding in concept.coding or []:
            key = (coding.system or "", coding.code or "")
            specialty = specialty or (key[0], key[1], coding.display or "")
            discipline = discipline or codes.DISCIPLINE_BY_SPECIALTY.get(key, "")
    return RoleFacts(
        ref=ref,
        practitioner=_ref(resource.practitioner),
        organisation=_ref(resource.organization),
        discipline=discipline,
        specialty=specialty,
        phone=_phone(resource),
    )


def _read_organization(resource, ref: str) -> OrganisationFacts:
    type_codes = []
    kind = ""
    for concept in resource.type or []:
        for coding in concept.coding or []:
            if coding.system == codes.ORGANIZATION_TYPE and coding.code:
                type_codes.append(coding.code)
                kind = kind or codes.KIND_BY_ORGANISATION_TYPE.get(coding.code, "")
    return OrganisationFacts(
        ref=ref,
        name=resource.name or "",
        ura=_identifier(resource, codes.URA),
        agb=_identifier(resource, codes.AGB),
        code=_identifier(resource, codes.MGZ_ORGANISATION),
        kind=kind,
        type_codes=tuple(type_codes),
        phone=_phone(resource),
    )


def _read_care_team(resource, ref: str) -> CareTeamFacts:
    members = []
    patient = _ref(resource.subject)
    for participant in resource.participant or []:
        member = _ref(participant.member)
        if member.startswith("Patient/"):
            patient = patient or member
            continue
        if not member.startswith(("PractitionerRole/", "Practitioner/")):
            continue  # contact persons are read from RelatedPerson
        role = ""
        for concept in participant.role or []:
            for coding in concept.coding or []:
                role = role or codes.ROLE_BY_PARTICIPATION.get(coding.code or "", "")
        period = participant.period
        members.append(
            CareTeamMemberFacts(
                member=member,
                role=role,
                start=_as_date(period.start) if period else None,
                end=_as_date(period.end) if period else None,
            )
        )
    return CareTeamFacts(ref=ref, patient=patient, members=tuple(members))


def _read_related_person(resource, ref: str) -> ContactFacts:
    return _contact_facts(
        ref,
        _ref(resource.patient),
        resource.relationship,
        _official_name(resource),
        resource.telecom,
    )


def _contact_facts(ref: str, patient: str, relationships, name, telecoms) -> ContactFacts:
    first = False
    relation = ""
    role_label = ""
    for concept in relationships or []:
        codings = concept.coding or []
        roles = [c for c in codings if c.system == codes.CONTACT_ROLE]
        if any(c.code == codes.FIRST_CONTACT for c in roles):
            first = True
        if roles and not concept.text:
            # A COD472 role (e.g. 24 wettelijk vertegenwoordiger) describes the contact when
            # no family relation is given.
            other = [c for c in roles if c.code != codes.FIRST_CONTACT]
            role_label = role_label or next((c.display or c.code for c in other), "")
            continue
        relation = relation or concept.text or next((c.display or c.code for c in codings), "")
    text = ""
    if name is not None:
        text = (
            name.text or " ".join([*(g for g in name.given or [] if g), name.family or ""]).strip()
        )
    phone = next((t.value for t in telecoms or [] if t.system == "phone" and t.value), "")
    return ContactFacts(
        ref=ref,
        patient=patient,
        name=text,
        relation=relation or role_label or "",
        phone=phone,
        first_contact=first,
    )


def _read_consent(resource, ref: str) -> Facts | Problem:
    scopes = {c.code for c in (resource.scope.coding or [])} if resource.scope else set()
    if "treatment" in scopes:
        return _read_treatment_directive(resource, ref)
    if "adr" in scopes:
        return _read_advance_directive(resource, ref)
    return Problem(ref, "Consent is geen behandelaanwijzing of wilsverklaring; genegeerd.", False)


def _read_treatment_directive(resource, ref: str) -> TreatmentDirectiveFacts:
    provision = resource.provision
    if provision is None or not provision.code:
        raise ValueError(f"{ref}: behandelaanwijzing zonder behandeling; niet ingelezen.")
    concept = provision.code[0]
    treatment, text = "", concept.text or ""
    for coding in concept.coding or []:
        if coding.system == codes.SNOMED and coding.code in Treatment.values:
            treatment = coding.code
        elif coding.system == codes.NULL_FLAVOR and coding.code == "OTH":
            treatment = Treatment.ANDERS
    if not treatment:
        # A treatment the platform has no code for is kept as 'anders' with its own words.
        treatment = Treatment.ANDERS
        coding = (concept.coding or [None])[0]
        text = text or (coding.display if coding else "") or (coding.code if coding else "")
    elif treatment != Treatment.ANDERS:
        text = ""
    specification = ""
    for extension in resource.modifierExtension or []:
        if extension.url == codes.EXT_SPECIFICATION_OTHER:
            specification = extension.valueString or ""
    if specification:
        decision = Decision.ANDERS
    elif provision.type in (Decision.PERMIT, Decision.DENY):
        decision = provision.type
    else:
        raise ValueError(f"{ref}: behandelaanwijzing zonder besluit (permit/deny); niet ingelezen.")
    period_end = _as_date(provision.period.end) if provision.period else None
    return TreatmentDirectiveFacts(
        ref=ref,
        patient=_ref(resource.patient),
        treatment=treatment,
        treatment_text=text,
        decision=decision,
        specification=specification,
        conditions=_ext_string(resource, codes.EXT_COMMENT),
        agreed_on=_as_date(resource.dateTime),
        expired_on=period_end,
        reason_for_ending=_ext_string(provision, codes.EXT_REASON_FOR_ENDING),
        active=resource.status == "active",
    )


def _read_advance_directive(resource, ref: str) -> AdvanceDirectiveFacts:
    kind, text = AdvanceDirectiveKind.ANDERS, ""
    provision = resource.provision
    concepts = (provision.code or []) if provision else []
    for concept in concepts:
        for coding in concept.coding or []:
            if (
                coding.system == codes.ADVANCE_DIRECTIVE_TYPE
                and coding.code in AdvanceDirectiveKind.values
            ):
                kind = coding.code
        if kind == AdvanceDirectiveKind.ANDERS:
            text = concept.text or next((c.display for c in concept.coding or [] if c.display), "")
    representative = ""
    for actor in (provision.actor or []) if provision else []:
        if any(c.code == "RESPRSN" for c in (actor.role.coding or [])):
            representative = actor.reference.display or _ref(actor.reference)
    return AdvanceDirectiveFacts(
        ref=ref,
        patient=_ref(resource.patient),
        kind=kind,
        kind_text=text,
        signed_on=_as_date(resource.dateTime),
        representative=representative,
        comment=_ext_string(resource, codes.EXT_COMMENT),
    )


def _as_date(value) -> date | None:
    if value is None:
        return None
    if isinstance(value, date):
        return value.date() if hasattr(value, "date") and callable(value.date) else value
    return date.fromisoformat(str(value)[:10])


_READERS = {
    "Patient": _read_patient,
    "Practitioner": _read_practitioner,
    "PractitionerRole": _read_practitioner_role,
    "Organization": _read_organization,
    "CareTeam": _read_care_team,
    "RelatedPerson": _read_related_person,
    "Consent": _read_consent,
}


# ---------------------------------------------------------------------------- storing


@dataclass
class StoreReport:
    patient: Patient | None = None
    contacts_added: int = 0
    handover_version: int | None = None
    messages: list[str] = field(default_factory=list)


def find_patient(facts: PatientFacts) -> Patient | None:
    if not facts.bsn:
        return None
    return Patient.objects.filter(bsn_hash=bsn_crypto.search_key(facts.bsn)).first()


def store(result: ReadResult, *, patient: Patient | None = None) -> StoreReport:
    """Store contacts and behandelgrenzen/wilsverklaringen of one patient known by BSN.

    The registry's own data (names, care team, organisations) is not overwritten by a
    message: the care team changes only through the transfer workflow, and a patient is
    registered by their provider. What is stored is marked as imported in the new handover
    version, which the regiebehandelaar then reviews.
    """
    from mgz.handover.documents import (
        AdvanceDirectiveInput,
        DirectiveInput,
        DocumentInput,
        write_document,
    )

    report = StoreReport()
    patients = result.of(PatientFacts)
    if patient is None:
        if len(patients) != 1:
            report.messages.append("Het bericht moet precies één cliënt (Patient) bevatten.")
            return report
        patient = find_patient(patients[0])
        if patient is None:
            report.messages.append(
                "Cliënt met dit BSN staat niet in het register; niets opgeslagen."
            )
            return report
    report.patient = patient
    with transaction.atomic():
        existing = {c.name.lower() for c in patient.contacts.all()}
        for contact in result.of(ContactFacts):
            if not contact.name or contact.name.lower() in existing:
                continue
            ContactPerson.objects.create(
                patient=patient,
                name=contact.name[:200],
                relation=contact.relation[:100],
                phone=contact.phone if _valid_phone(contact.phone) else "",
                is_first_contact=contact.first_contact,
            )
            existing.add(contact.name.lower())
            report.contacts_added += 1
        directives = result.of(TreatmentDirectiveFacts)
        advances = result.of(AdvanceDirectiveFacts)
        if directives or advances:
            document = write_document(
                patient,
                author=None,
                imported=True,
                data=DocumentInput(
                    review_date=timezone.localdate() + timedelta(days=30),
                    note="Overgenomen uit een FHIR-bericht; de regiebehandelaar MGZ beoordeelt dit.",
                    directives=[
                        DirectiveInput(
                            treatment=d.treatment,
                            decision=d.decision,
                            conditions=d.conditions,
                            treatment_text=d.treatment_text or "",
                            specification=d.specification,
                            agreed_on=d.agreed_on,
                            expired_on=d.expired_on,
                            reason_for_ending=d.reason_for_ending,
                        )
                        for d in directives
                    ],
                    advance_directives=[
                        AdvanceDirectiveInput(
                            kind=a.kind,
                            signed_on=a.signed_on,
                            representative=a.representative,
                            comment=a.comment,
                            kind_text=a.kind_text,
                        )
                        for a in advances
                    ],
                ),
            )
            report.handover_version = document.version
    return report


def _valid_phone(value: str) -> bool:
    from django.core.exceptions import ValidationError as DjangoValidationError

    from mgz.registry.models import phone_validator

    try:
        phone_validator(value)
    except DjangoValidationError:
        return False
    return True
