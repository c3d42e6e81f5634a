"""Registry and handover data as FHIR R4 resources after the nl-core (zib 2020) profiles.

Every resource is built as its JSON form and validated by the fhir.resources model (R4B, which
is R4 for these resource types), so what leaves the platform is well-formed FHIR; the profile
constraints the platform relies on are checked by tests against the Nictiz StructureDefinitions.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date

from django.conf import settings
from django.db.models import Q
from django.utils import timezone
from fhir.resources.R4B import get_fhir_model_class
from fhir.resources.R4B.bundle import Bundle
from fhir_core.fhirabstractmodel import FHIRAbstractModel

from mgz.exchange.fhir import codes
from mgz.handover.constants import Decision, Treatment
from mgz.handover.documents import latest_document
from mgz.handover.models import AdvanceDirective, HandoverDocument, TreatmentDirective
from mgz.registry.models import (
    CareTeamMember,
    ContactPerson,
    Organisation,
    Patient,
    Professional,
    ProfessionalRole,
)

RELATION_CODES: dict[str, tuple[str, str]] = {
    "broer": ("BRO", "brother"),
    "zus": ("SIS", "sister"),
    "zoon": ("SON", "natural son"),
    "dochter": ("DAU", "natural daughter"),
    "moeder": ("MTH", "mother"),
    "vader": ("FTH", "father"),
    "kind": ("CHILD", "child"),
    "echtgenoot": ("HUSB", "husband"),
    "echtgenote": ("WIFE", "wife"),
    "partner": ("SIGOTHR", "significant other"),
    "neef": ("NEPHEW", "nephew"),
    "nicht": ("NIECE", "niece"),
    "buurman": ("NBOR", "neighbor"),
    "buurvrouw": ("NBOR", "neighbor"),
    "vriend": ("FRND", "unrelated friend"),
    "vriendin": ("FRND", "unrelated friend"),
    "familielid": ("FAMMEMB", "family member"),
}


def fhir_id(code: str) -> str:
    """A FHIR id ([A-Za-z0-9-.]{1,64}) from a registry code."""
    return re.sub(r"[^A-Za-z0-9\-.]", "-", code)[:64] or "x"


def _build(resource_type: str, data: dict) -> FHIRAbstractModel:
    return get_fhir_model_class(resource_type).model_validate(
        {"resourceType": resource_type, **data}
    )


def _ref(resource_type: str, code: str, display: str = "") -> dict:
    ref = {"reference": f"{resource_type}/{fhir_id(code)}", "type": resource_type}
    if display:
        ref["display"] = display
    return ref


def _coding(system: str, code: str, display: str = "") -> dict:
    coding = {"system": system, "code": code}
    if display:
        coding["display"] = display
    return coding


def _phone(value: str) -> list[dict]:
    return [{"system": "phone", "value": value, "use": "work"}] if value else []


def patient_resource(patient: Patient) -> FHIRAbstractModel:
    name: dict = {"use": "official", "family": patient.family_name}
    if patient.given_name:
        name["given"] = patient.given_name.split()
    name["text"] = str(patient)
    data: dict = {
        "id": fhir_id(patient.code),
        "meta": {"profile": [codes.PROFILE["Patient"]]},
        "identifier": [
            {"system": codes.BSN, "value": patient.bsn},
            {"system": codes.MGZ_PATIENT, "value": patient.code},
        ],
        "name": [name],
        "birthDate": patient.birth_date.isoformat(),
    }
    address = _patient_address(patient)
    if address:
        data["address"] = [address]
    if patient.ion_practice_id:
        data["generalPractitioner"] = [
            _ref("Organization", patient.ion_practice.code, patient.ion_practice.name)
        ]
    return _build("Patient", data)


def _patient_address(patient: Patient) -> dict | None:
    if patient.location_id:
        location = patient.location
        address = {"use": "home", "type": "both", "postalCode": location.postcode}
        if location.street:
            address["line"] = [location.street]
        if location.city:
            address["city"] = location.city
        return address
    if patient.home_postcode:
        return {"use": "home", "type": "both", "postalCode": patient.home_postcode}
    return None


def practitioner_resource(professional: Professional) -> FHIRAbstractModel:
    identifiers = [{"system": codes.MGZ_PROFESSIONAL, "value": professional.code}]
    for system, value in (
        (codes.BIG, professional.big),
        (codes.UZI_PERSON, professional.uzi),
        (codes.AGB, professional.agb),
    ):
        if value:
            identifiers.append({"system": system, "value": value})
    name: dict = {"use": "official", "family": professional.family_name, "text": str(professional)}
    initials = [f"{i}." for i in professional.initials.replace(".", " ").split()]
    if initials:
        name["given"] = initials
        qualifier = {"url": codes.EXT_NAME_QUALIFIER, "valueCode": "IN"}
        name["_given"] = [{"extension": [qualifier]} for _ in initials]
    data = {
        "id": fhir_id(professional.code),
        "meta": {"profile": [codes.PROFILE["Practitioner"]]},
        "identifier": identifiers,
        "name": [name],
        "telecom": _phone(professional.phone),
    }
    return _build("Practitioner", {k: v for k, v in data.items() if v})


def practitioner_role_id(professional: Professional) -> str:
    return fhir_id(f"{professional.code}-rol")


def current_role(professional: Professional, day: date) -> ProfessionalRole | None:
    return (
        professional.roles.select_related("organisation")
        .filter(Q(start__isnull=True) | Q(start__lte=day), Q(end__isnull=True) | Q(end__gte=day))
        .order_by("id")
        .first()
    )


def practitioner_role_resource(
    professional: Professional, *, day: date | None = None
) -> FHIRAbstractModel:
    """The professional in their discipline, at the organisation of their current role."""
    day = day or timezone.localdate()
    data: dict = {
        "id": practitioner_role_id(professional),
        "meta": {"profile": [codes.PROFILE["PractitionerRole"]]},
        "practitioner": _ref("Practitioner", professional.code, str(professional)),
    }
    role = current_role(professional, day)
    if role:
        data["organization"] = _ref("Organization", role.organisation.code, role.organisation.name)
    specialty = codes.SPECIALTY.get(professional.discipline)
    if specialty:
        data["specialty"] = [{"coding": [_coding(*specialty)]}]
    else:
        data["specialty"] = [{"text": professional.get_discipline_display()}]
    phone = (role.phone if role else "") or professional.phone
    if phone:
        data["telecom"] = _phone(phone)
    return _build("PractitionerRole", data)


def organization_resource(organisation: Organisation) -> FHIRAbstractModel:
    identifiers = [{"system": codes.MGZ_ORGANISATION, "value": organisation.code}]
    if organisation.ura:
        identifiers.append({"system": codes.URA, "value": organisation.ura})
    if organisation.agb:
        identifiers.append({"system": codes.AGB, "value": organisation.agb})
    data: dict = {
        "id": fhir_id(organisation.code),
        "meta": {"profile": [codes.PROFILE["Organization"]]},
        "identifier": identifiers,
        "name": organisation.name,
    }
    kind = codes.ORGANISATION_TYPE.get(organisation.kind)
    if kind:
        data["type"] = [{"coding": [_coding(codes.ORGANIZATION_TYPE, *kind)]}]
    if organisation.phone:
        data["telecom"] = _phone(organisation.phone)
    return _build("Organization", data)


def care_team_members(patient: Patient, day: date | None = None) -> list[CareTeamMember]:
    day = day or timezone.localdate()
    return list(
        patient.care_team.select_related("professional")
        .filter(start__lte=day)
        .filter(Q(end__isnull=True) | Q(end__gte=day))
        .order_by("role", "start")
    )


def care_team_resource(patient: Patient, *, day: date | None = None) -> FHIRAbstractModel:
    """The patient's care team on a day; the regiebehandelaar MGZ has participant role RESP."""
    participants = []
    for member in care_team_members(patient, day):
        participant: dict = {
            "role": [
                {
                    "coding": [_coding(*codes.CARE_TEAM_ROLE[member.role])],
                    "text": member.get_role_display(),
                }
            ],
            "member": {
                "reference": f"PractitionerRole/{practitioner_role_id(member.professional)}",
                "type": "PractitionerRole",
                "display": str(member.professional),
            },
            "period": {"start": member.start.isoformat()},
        }
        if member.end:
            participant["period"]["end"] = member.end.isoformat()
        participants.append(participant)
    data = {
        "id": fhir_id(f"{patient.code}-behandelteam"),
        "meta": {"profile": [codes.PROFILE["CareTeam"]]},
        "status": "active",
        "name": "Behandelteam MGZ",
        "subject": _ref("Patient", patient.code, str(patient)),
        "participant": participants,
    }
    return _build("CareTeam", {k: v for k, v in data.items() if v})


def related_person_resource(contact: ContactPerson) -> FHIRAbstractModel:
    relationships = []
    if contact.is_first_contact:
        relationships.append(
            {
                "coding": [
                    _coding(
                        codes.CONTACT_ROLE, codes.FIRST_CONTACT, codes.CONTACT_ROLE_DISPLAY["01"]
                    )
                ]
            }
        )
    if contact.relation:
        coded = RELATION_CODES.get(contact.relation.strip().lower())
        relation: dict = {"text": contact.relation}
        if coded:
            relation["coding"] = [_coding(codes.ROLE_CODE, *coded)]
        relationships.append(relation)
    data = {
        "id": fhir_id(f"{contact.patient.code}-contact-{contact.pk}"),
        "meta": {"profile": [codes.PROFILE["RelatedPerson"]]},
        "identifier": [{"system": codes.MGZ_CONTACT, "value": str(contact.pk)}],
        "patient": _ref("Patient", contact.patient.code, str(contact.patient)),
        "relationship": relationships,
        "name": [{"use": "official", "text": contact.name}],
        "telecom": [{"system": "phone", "value": contact.phone}] if contact.phone else [],
    }
    return _build("RelatedPerson", {k: v for k, v in data.items() if v})


def treatment_directive_resource(
    directive: TreatmentDirective, *, today: date | None = None
) -> FHIRAbstractModel:
    """A behandelgrens as nl-core-TreatmentDirective2 (a Consent with scope 'treatment')."""
    document = directive.document
    patient = document.patient
    day = today or timezone.localdate()
    if directive.treatment == Treatment.ANDERS:
        coding = _coding(codes.NULL_FLAVOR, "OTH", "other")
    else:
        coding = _coding(codes.SNOMED, directive.treatment, Treatment(directive.treatment).label)
    provision: dict = {"code": [{"coding": [coding], "text": directive.treatment_label}]}
    if directive.decision != Decision.ANDERS:
        provision["type"] = directive.decision  # permit | deny
    if directive.expired_on:
        provision["period"] = {"end": directive.expired_on.isoformat()}
    if directive.reason_for_ending:
        provision["extension"] = [
            {"url": codes.EXT_REASON_FOR_ENDING, "valueString": directive.reason_for_ending}
        ]
    if document.author_id:
        provision["actor"] = [
            {
                "role": {"coding": [_coding(codes.ROLE_CODE, "CONSENTER", "consenter")]},
                "reference": {
                    "reference": f"PractitionerRole/{practitioner_role_id(document.author)}",
                    "type": "PractitionerRole",
                    "display": str(document.author),
                },
            }
        ]
    data: dict = {
        "id": fhir_id(f"{patient.code}-bg-{directive.pk}"),
        "meta": {"profile": [codes.PROFILE["TreatmentDirective"]]},
        "status": "inactive" if directive.expired_on and directive.expired_on < day else "active",
        "scope": {"coding": [_coding(codes.CONSENT_SCOPE, "treatment", "Treatment")]},
        "category": [
            {"coding": [_coding(codes.SNOMED, "129125009", "verrichting met expliciete context")]}
        ],
        "patient": _ref("Patient", patient.code, str(patient)),
        "dateTime": (
            directive.agreed_on or timezone.localtime(document.created_at).date()
        ).isoformat(),
        "policy": [{"uri": codes.POLICY_URI}],
        "provision": provision,
    }
    if directive.conditions:
        data["extension"] = [{"url": codes.EXT_COMMENT, "valueString": directive.conditions}]
    if directive.decision == Decision.ANDERS:
        data["modifierExtension"] = [
            {"url": codes.EXT_SPECIFICATION_OTHER, "valueString": directive.specification}
        ]
    return _build("Consent", data)


def advance_directive_resource(advance: AdvanceDirective) -> FHIRAbstractModel:
    """A wilsverklaring as nl-core-AdvanceDirective (a Consent with scope 'adr')."""
    patient = advance.document.patient
    if advance.kind == "OTH":
        coding = _coding(codes.NULL_FLAVOR, "OTH", "other")
    else:
        coding = _coding(codes.ADVANCE_DIRECTIVE_TYPE, advance.kind, advance.get_kind_display())
    provision: dict = {
        "code": [{"coding": [coding], "text": advance.kind_text or advance.get_kind_display()}]
    }
    if advance.representative:
        provision["actor"] = [
            {
                "role": {"coding": [_coding(codes.ROLE_CODE, "RESPRSN", "responsible party")]},
                "reference": {"type": "RelatedPerson", "display": advance.representative},
            }
        ]
    data: dict = {
        "id": fhir_id(f"{patient.code}-wv-{advance.pk}"),
        "meta": {"profile": [codes.PROFILE["AdvanceDirective"]]},
        "status": "active",
        "scope": {"coding": [_coding(codes.CONSENT_SCOPE, "adr", "Advanced Care Directive")]},
        "category": [{"coding": [_coding(codes.CONSENT_CATEGORY, "acd", "Advance Directive")]}],
        "patient": _ref("Patient", patient.code, str(patient)),
        "policy": [{"uri": codes.POLICY_URI}],
        "provision": provision,
    }
    if advance.signed_on:
        data["dateTime"] = advance.signed_on.isoformat()
    if advance.comment:
        data["extension"] = [{"url": codes.EXT_COMMENT, "valueString": advance.comment}]
    return _build("Consent", data)


def consent_resources(document: HandoverDocument | None) -> list[FHIRAbstractModel]:
    if document is None:
        return []
    return [treatment_directive_resource(d) for d in document.directives.all()] + [
        advance_directive_resource(a) for a in document.advance_directives.all()
    ]


def related_person_resources(patient: Patient) -> list[FHIRAbstractModel]:
    return [
        related_person_resource(c) for c in patient.contacts.order_by("-is_first_contact", "id")
    ]


def patient_resources(patient: Patient, *, day: date | None = None) -> list[FHIRAbstractModel]:
    """Everything a HAP needs for one patient: who, who treats, who to call, what not to do."""
    members = care_team_members(patient, day)
    professionals = {m.professional_id: m.professional for m in members}
    document = latest_document(patient)
    if document and document.author_id:
        professionals.setdefault(document.author_id, document.author)
    organisations: dict[int, Organisation] = {}
    for organisation in (
        patient.ion_practice,
        patient.location.organisation if patient.location_id else None,
        patient.location.hap if patient.location_id else None,
    ):
        if organisation is not None:
            organisations[organisation.pk] = organisation
    for professional in professionals.values():
        role = current_role(professional, day or timezone.localdate())
        if role is not None:
            organisations.setdefault(role.organisation_id, role.organisation)
    roles = [practitioner_role_resource(p, day=day) for p in professionals.values()]
    return [
        patient_resource(patient),
        *[organization_resource(o) for o in organisations.values()],
        *[practitioner_resource(p) for p in professionals.values()],
        *roles,
        care_team_resource(patient, day=day),
        *related_person_resources(patient),
        *consent_resources(document),
    ]


def bundle(
    resources: Iterable[FHIRAbstractModel], *, base_url: str | None = None, kind: str = "collection"
) -> Bundle:
    base = (base_url or getattr(settings, "MGZ_FHIR_BASE_URL", "http://localhost/fhir")).rstrip("/")
    entries = []
    for resource in resources:
        entry: dict = {
            "fullUrl": f"{base}/{resource.get_resource_type()}/{resource.id}",
            "resource": resource,
        }
        if kind == "searchset":
            entry["search"] = {"mode": "match"}
        entries.append(entry)
    data: dict = {
        "type": kind,
        "timestamp": timezone.now().isoformat(timespec="seconds"),
        "entry": entries,
    }
    if kind == "searchset":
        data["total"] = len(entries)
    return Bundle.model_validate(data)


def patient_bundle(
    patient: Patient, *, base_url: str | None = None, day: date | None = None
) -> Bundle:
    return bundle(patient_resources(patient, day=day), base_url=base_url)
