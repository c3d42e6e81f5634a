"""Mapping access decisions to responses, in one place."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.http import Http404

from mgz.accounts.access import Decision


def enforce(decision: Decision) -> None:
    """403 for a role that may never do this, 404 for an object outside the user's scope."""
    if decision.allowed:
        return
    if decision.hidden:
        raise Http404("Niet gevonden.")
    raise PermissionDenied(decision.why or "Geen toegang.")


def is_htmx(request) -> bool:
    return request.headers.get("HX-Request") == "true"
