"""Access control and audit for the JSON and FHIR APIs: the same need-to-know rules and the
same append-only audit log as the web pages (mgz.accounts.access, mgz.audit.services).

Every read of patient data goes through `open_patient` here, which decides and records in one
call. A user who may see the patient only with a reason (break the glass: a HAP outside its
area, a beheerder) passes the reason as the `reden` parameter; it is logged and flagged.
"""

from __future__ import annotations

from django.http import HttpRequest

from mgz.accounts import access
from mgz.audit.constants import Action
from mgz.audit.services import record
from mgz.registry.models import Patient


class Refused(Exception):
    """Not allowed; `status` is the HTTP status (401, 403, 404), `message` is Dutch."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.message = message


def require_user(request: HttpRequest) -> None:
    if not request.user.is_authenticated:
        raise Refused(401, "Log in om de API te gebruiken.")
    if access.role_of(request.user) is None:
        raise Refused(403, "Uw account heeft geen rol op het MGZ-platform.")


def open_patient(request: HttpRequest, patient: Patient, *, action: str = Action.VIEW) -> str:
    """Decide and audit one read of a patient's data; returns the relation that allowed it."""
    require_user(request)
    decision = access.patient_access(request.user, patient)
    if decision.allowed:
        record(request, patient, action, relation=decision.relation)
        return decision.relation
    reason = (request.GET.get("reden") or "").strip()
    if decision.needs_reason:
        if reason:
            record(
                request,
                patient,
                Action.BREAK_GLASS,
                reason=reason,
                relation=access.REDEN,
                break_glass=True,
            )
            record(request, patient, action, reason=reason, relation=access.REDEN, break_glass=True)
            return access.REDEN
        raise Refused(403, f"{decision.why} Geef de reden mee als parameter 'reden'.")
    if decision.hidden:
        record(request, patient, Action.DENIED)
        raise Refused(404, "Niet gevonden.")
    raise Refused(403, decision.why or "Geen toegang.")


def visible_patients(request: HttpRequest):
    """Patients this user may find in a search without giving a reason."""
    require_user(request)
    return access.visible_patients(request.user)
