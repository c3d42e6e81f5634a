"""The navigation follows the role: a menu item appears only where access is allowed."""

from __future__ import annotations

from django.http import HttpRequest
from django.urls import reverse

from mgz.accounts import access
from mgz.accounts.constants import Role
from mgz.regiotafel.access import visible_regiotafels


def navigation(request: HttpRequest) -> dict:
    user = getattr(request, "user", None)
    membership = access.membership_of(user) if user is not None else None
    if membership is None:
        return {"nav_items": [], "nav_role": ""}
    items: list[tuple[str, str]] = []
    role = membership.role
    if role != Role.PRIVACY_OFFICER:
        items.append(("Overzicht", reverse("web:home")))
        items.append(("Regio's", reverse("web:regions")))
        items.append(("Locaties", reverse("web:locations")))
    if role != Role.PRIVACY_OFFICER and visible_regiotafels(user).exists():
        items.append(("Regiotafel", reverse("regiotafel:index")))
    if role in (Role.REGIO_COORDINATOR, Role.BEHEERDER):
        items.append(("Planning", reverse("planning:index")))
    if access.can_look_up_patients(user).allowed:
        items.append(("Wie bel ik nu?", reverse("web:lookup")))
    if role in (Role.AANBIEDER_COORDINATOR, Role.ARTS, Role.HAP):
        items.append(("Mijn cliënten", reverse("web:patients")))
    if access.can_view_audit(user).allowed:
        items.append(("Auditlog", reverse("web:audit")))
    if user.is_staff:
        items.append(("Beheer", reverse("admin:index")))
    return {
        "nav_items": [
            {"label": label, "url": url, "current": request.path == url} for label, url in items
        ],
        "nav_role": membership.get_role_display(),
    }
