"""Who may see and act on a patient's transfers and handover: the one place the handover pages
ask. Seeing goes through the web app's need-to-know and audit (mgz.web.patients.open_patient);
acting needs, on top, a user linked to a professional (the physician or gedragskundige)."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest

from mgz.accounts.access import membership_of
from mgz.audit.constants import Action
from mgz.registry.models import Patient, Professional
from mgz.web.patients import open_patient


def open_for_reading(request: HttpRequest, patient: Patient) -> str:
    """Check access and audit a view; raises NeedsReason/Http404/PermissionDenied."""
    return open_patient(request, patient, action=Action.VIEW)


def open_for_change(request: HttpRequest, patient: Patient) -> Professional:
    """Check access, audit a change, and return the acting professional."""
    open_patient(request, patient, action=Action.CHANGE)
    professional = acting_professional(request)
    if professional is None:
        raise PermissionDenied(
            "Alleen een arts of gedragskundige met een eigen account kan dit doen."
        )
    return professional


def acting_professional(request: HttpRequest) -> Professional | None:
    membership = membership_of(request.user)
    return membership.professional if membership and membership.professional_id else None
