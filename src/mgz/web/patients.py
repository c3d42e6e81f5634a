"""Opening a patient's data: the access decision, break-the-glass grants and the audit record
happen together here, so no page can show patient data without all three."""

from __future__ import annotations

import time

from django.conf import settings
from django.http import Http404, HttpRequest

from mgz.accounts import access
from mgz.audit.constants import Action
from mgz.audit.services import record
from mgz.registry.models import Patient
from mgz.web.views.common import enforce

_SESSION_KEY = "mgz_break_glass"


class NeedsReason(Exception):
    """The user may see this patient only after giving a reason (break the glass)."""

    def __init__(self, patient: Patient, decision: access.Decision) -> None:
        super().__init__(decision.why)
        self.patient = patient
        self.decision = decision


def _grant(request: HttpRequest, patient: Patient) -> str | None:
    grants = request.session.get(_SESSION_KEY, {})
    grant = grants.get(str(patient.id))
    if grant and grant["until"] > time.time():
        return grant["reason"]
    return None


def grant_access(request: HttpRequest, patient: Patient, reason: str) -> None:
    """Record a break-the-glass reason (flagged for review) and open the patient for a while."""
    decision = access.patient_access(request.user, patient)
    if not decision.needs_reason:
        enforce(decision if not decision.allowed else access.DENIED_ROLE)
    grants = {
        key: value
        for key, value in request.session.get(_SESSION_KEY, {}).items()
        if value["until"] > time.time()
    }
    grants[str(patient.id)] = {
        "reason": reason,
        "until": time.time() + settings.MGZ_BREAK_GLASS_MINUTES * 60,
    }
    request.session[_SESSION_KEY] = grants
    record(
        request, patient, Action.BREAK_GLASS, reason=reason, relation=access.REDEN, break_glass=True
    )


def open_patient(request: HttpRequest, patient: Patient, *, action: str = Action.VIEW) -> str:
    """Check access and write the audit record; returns the relation that allowed it.

    Raises Http404/PermissionDenied when not allowed, NeedsReason when a reason is required.
    """
    decision = access.patient_access(request.user, patient)
    if decision.allowed:
        record(request, patient, action, relation=decision.relation)
        return decision.relation
    if decision.needs_reason:
        reason = _grant(request, patient)
        if reason is not None:
            record(request, patient, action, reason=reason, relation=access.REDEN, break_glass=True)
            return access.REDEN
        raise NeedsReason(patient, decision)
    if access.role_of(request.user) is not None and decision.hidden:
        record(request, patient, Action.DENIED)
    enforce(decision)
    raise Http404  # pragma: no cover - enforce always raises here


def find_patients(*, bsn: str = "", family_name: str = "", birth_date=None) -> list[Patient]:
    """Exact look-up only (BSN via its keyed hash, or name + birth date): no browsing."""
    from mgz.registry.bsn_crypto import search_key

    patients = Patient.objects.select_related("location", "location__hap", "region")
    if bsn:
        return list(patients.filter(bsn_hash=search_key(bsn))[:1])
    return list(
        patients.filter(family_name__iexact=family_name.strip(), birth_date=birth_date)[:20]
    )
