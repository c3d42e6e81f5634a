"""The FHIR REST API (R4, nl-core): read, search by patient, and Patient/$everything, in JSON
and XML. The views only resolve ids, check access through fhir.access, and serialise;
resources are built by fhir_export.

FHIR REST has its own conventions (content types, Bundle search results, OperationOutcome
errors), so it is served by plain Django views rather than the OpenAPI router at /api/v1/.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from django.http import HttpRequest, HttpResponse
from django.utils import timezone
from django.views.decorators.http import require_GET
from fhir.resources.R4B import get_fhir_model_class
from fhir_core.fhirabstractmodel import FHIRAbstractModel

from mgz.accounts.api_access import Refused, open_patient, require_user, visible_patients
from mgz.audit.constants import Action
from mgz.exchange.fhir import codes
from mgz.exchange.fhir import fhir_export as ex
from mgz.handover.documents import latest_document
from mgz.handover.models import AdvanceDirective, TreatmentDirective
from mgz.registry import bsn_crypto
from mgz.registry.models import ContactPerson, Organisation, Patient, Professional

JSON = "application/fhir+json"
XML = "application/fhir+xml"
TYPES = (
    "Patient",
    "Practitioner",
    "PractitionerRole",
    "Organization",
    "CareTeam",
    "Consent",
    "RelatedPerson",
)
MAX_COUNT = 100


def _format(request: HttpRequest) -> str:
    wanted = (request.GET.get("_format") or "").lower()
    if wanted:
        return XML if "xml" in wanted else JSON
    accept = request.headers.get("Accept", "")
    return XML if "xml" in accept and "json" not in accept else JSON


def _respond(request: HttpRequest, resource: FHIRAbstractModel, status: int = 200) -> HttpResponse:
    if _format(request) == XML:
        body = resource.model_dump_xml()  # fhir.resources with lxml; UTF-8 bytes
        return HttpResponse(body, status=status, content_type=f"{XML}; charset=utf-8")
    return HttpResponse(
        resource.model_dump_json(), status=status, content_type=f"{JSON}; charset=utf-8"
    )


def _outcome(request: HttpRequest, status: int, message: str) -> HttpResponse:
    code = {401: "login", 403: "forbidden", 404: "not-found"}.get(status, "invalid")
    outcome = get_fhir_model_class("OperationOutcome").model_validate(
        {"issue": [{"severity": "error", "code": code, "diagnostics": message}]}
    )
    return _respond(request, outcome, status)


def _guarded(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    def wrapper(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        try:
            return view(request, *args, **kwargs)
        except Refused as refused:
            return _outcome(request, refused.status, refused.message)
        except LookupError as missing:
            return _outcome(
                request, 404, str(missing.args[0]) if missing.args else "Niet gevonden."
            )

    wrapper.__name__ = view.__name__
    wrapper.__doc__ = view.__doc__
    return require_GET(wrapper)


# ---------------------------------------------------------------------------- resolving ids


def _patient(resource_id: str) -> Patient:
    patient = (
        Patient.objects.select_related(
            "location", "location__organisation", "location__hap", "ion_practice"
        )
        .filter(code=resource_id)
        .first()
    )
    if patient is None:
        raise LookupError(f"Patient/{resource_id} bestaat niet.")
    return patient


def _patient_param(request: HttpRequest) -> Patient:
    value = request.GET.get("patient") or request.GET.get("subject") or ""
    value = value.removeprefix("Patient/")
    if not value:
        raise Refused(400, "Zoek op patiënt: geef de parameter 'patient' mee.")
    return _patient(value)


def _read(request: HttpRequest, resource_type: str, resource_id: str) -> FHIRAbstractModel:
    if resource_type == "Patient":
        patient = _patient(resource_id)
        open_patient(request, patient)
        return ex.patient_resource(patient)
    if resource_type == "CareTeam":
        patient = _patient(resource_id.removesuffix("-behandelteam"))
        open_patient(request, patient)
        return ex.care_team_resource(patient)
    if resource_type == "RelatedPerson":
        match = re.fullmatch(r"(.+)-contact-(\d+)", resource_id)
        contact = (
            match and ContactPerson.objects.filter(pk=match[2], patient__code=match[1]).first()
        )
        if not contact:
            raise LookupError(f"RelatedPerson/{resource_id} bestaat niet.")
        open_patient(request, contact.patient)
        return ex.related_person_resource(contact)
    if resource_type == "Consent":
        match = re.fullmatch(r"(.+)-(bg|wv)-(\d+)", resource_id)
        model = TreatmentDirective if match and match[2] == "bg" else AdvanceDirective
        item = match and model.objects.filter(pk=match[3], document__patient__code=match[1]).first()
        if not item:
            raise LookupError(f"Consent/{resource_id} bestaat niet.")
        open_patient(request, item.document.patient)
        if isinstance(item, TreatmentDirective):
            return ex.treatment_directive_resource(item)
        return ex.advance_directive_resource(item)
    # The directory of professionals and organisations holds no patient data.
    require_user(request)
    if resource_type == "Practitioner":
        return ex.practitioner_resource(_professional(resource_id))
    if resource_type == "PractitionerRole":
        return ex.practitioner_role_resource(_professional(resource_id.removesuffix("-rol")))
    if resource_type == "Organization":
        organisation = Organisation.objects.filter(code=resource_id).first()
        if organisation is None:
            raise LookupError(f"Organization/{resource_id} bestaat niet.")
        return ex.organization_resource(organisation)
    raise LookupError(f"Resourcetype {resource_type} wordt niet aangeboden.")


def _professional(code: str) -> Professional:
    professional = Professional.objects.filter(code=code).first()
    if professional is None:
        raise LookupError(f"Zorgverlener {code} bestaat niet.")
    return professional


# ---------------------------------------------------------------------------- views


@_guarded
def read(request: HttpRequest, resource_type: str, resource_id: str) -> HttpResponse:
    return _respond(request, _read(request, resource_type, resource_id))


@_guarded
def search(request: HttpRequest, resource_type: str) -> HttpResponse:
    if resource_type not in TYPES:
        raise LookupError(f"Resourcetype {resource_type} wordt niet aangeboden.")
    if resource_type == "Patient":
        found = _search_patients(request)
    else:
        patient = _patient_param(request)
        open_patient(request, patient)
        found = [r for r in ex.patient_resources(patient) if r.get_resource_type() == resource_type]
        if resource_type == "Consent":
            found = ex.consent_resources(latest_document(patient))
    return _respond(request, ex.bundle(found, base_url=_base(request), kind="searchset"))


def _search_patients(request: HttpRequest) -> list[FHIRAbstractModel]:
    identifier = request.GET.get("identifier", "")
    if identifier:
        system, _, value = identifier.rpartition("|")
        if system not in ("", codes.BSN):
            raise Refused(
                400,
                "Zoek een patiënt op BSN: identifier=http://fhir.nl/fhir/NamingSystem/bsn|<BSN>.",
            )
        patient = Patient.objects.filter(bsn_hash=bsn_crypto.search_key(value)).first()
        if patient is None:
            return []
        open_patient(request, patient, action=Action.LOOKUP)
        return [ex.patient_resource(patient)]
    if request.GET.get("_id"):
        patient = _patient(request.GET["_id"])
        open_patient(request, patient)
        return [ex.patient_resource(patient)]
    try:
        count = max(1, min(int(request.GET.get("_count") or 50), MAX_COUNT))
    except ValueError as error:
        raise Refused(400, "_count moet een getal zijn.") from error
    patients = list(visible_patients(request).order_by("code")[:count])
    for patient in patients:
        open_patient(request, patient)
    return [ex.patient_resource(p) for p in patients]


@_guarded
def everything(request: HttpRequest, resource_id: str) -> HttpResponse:
    """Patient/<id>/$everything: what a HAP needs for one patient, as one Bundle."""
    patient = _patient(resource_id)
    open_patient(request, patient, action=Action.EXPORT)
    return _respond(request, ex.patient_bundle(patient, base_url=_base(request)))


@_guarded
def metadata(request: HttpRequest) -> HttpResponse:
    resources = []
    for resource_type in TYPES:
        profile = codes.PROFILE.get(resource_type)
        entry: dict = {
            "type": resource_type,
            "interaction": [{"code": "read"}, {"code": "search-type"}],
            "searchParam": [{"name": "patient", "type": "reference"}],
        }
        if resource_type == "Consent":
            entry["supportedProfile"] = [
                codes.PROFILE["TreatmentDirective"],
                codes.PROFILE["AdvanceDirective"],
            ]
        elif profile:
            entry["profile"] = profile
        if resource_type == "Patient":
            entry["searchParam"] = [
                {"name": "identifier", "type": "token"},
                {"name": "_id", "type": "token"},
            ]
            entry["operation"] = [
                {
                    "name": "everything",
                    "definition": "http://hl7.org/fhir/OperationDefinition/Patient-everything",
                }
            ]
        resources.append(entry)
    statement = get_fhir_model_class("CapabilityStatement").model_validate(
        {
            "status": "active",
            "date": timezone.now().isoformat(timespec="seconds"),
            "kind": "instance",
            "fhirVersion": "4.0.1",
            "format": ["json", "xml"],
            "implementation": {
                "description": "MGZ-platform FHIR-API (nl-core, zib 2020)",
                "url": _base(request),
            },
            "rest": [{"mode": "server", "resource": resources}],
        }
    )
    return _respond(request, statement)


def _base(request: HttpRequest) -> str:
    return request.build_absolute_uri("/fhir/").rstrip("/")
