"""Who may see and change a regiotafel's records.

Regiotafel data is aggregate (no patient data), so the question is only: does the user belong
to this region's table? The roles come from mgz.accounts (need-to-know lives there); a
superuser is a beheerder.
"""

from __future__ import annotations

from mgz.regiotafel.models import Regiotafel

VIEW_ROLES = frozenset({"regio_coordinator", "regiotafel_lid", "beheerder"})
MANAGE_ROLES = frozenset({"regio_coordinator", "regiotafel_lid", "beheerder"})


def _membership(user):
    if not getattr(user, "is_authenticated", False):
        return None
    from mgz.accounts.access import membership_of

    return membership_of(user)


def _in_region(membership, region_id: int) -> bool:
    return membership.role == "beheerder" or membership.scope_region_id == region_id


def _seated(membership, regiotafel: Regiotafel) -> bool:
    """A provider or physician whose organisation has a seat may read the table's records."""
    return bool(
        membership.organisation_id
        and regiotafel.members.filter(organisation_id=membership.organisation_id).exists()
    )


def can_view(user, regiotafel: Regiotafel) -> bool:
    membership = _membership(user)
    if membership is None:
        return False
    if membership.role in VIEW_ROLES and _in_region(membership, regiotafel.region_id):
        return True
    return _seated(membership, regiotafel)


def can_manage(user, regiotafel: Regiotafel) -> bool:
    membership = _membership(user)
    return bool(
        membership
        and membership.role in MANAGE_ROLES
        and _in_region(membership, regiotafel.region_id)
    )


def visible_regiotafels(user):
    membership = _membership(user)
    if membership is None:
        return Regiotafel.objects.none()
    if membership.role == "beheerder":
        return Regiotafel.objects.all()
    tables = Regiotafel.objects.none()
    if membership.role in VIEW_ROLES and membership.scope_region_id:
        tables = Regiotafel.objects.filter(region_id=membership.scope_region_id)
    if membership.organisation_id:
        tables = tables | Regiotafel.objects.filter(
            members__organisation_id=membership.organisation_id
        )
    return tables.distinct()


def can_grant_opening_exception(user, region_id: int) -> bool:
    """2.3.3.2.c: only the zorgkantoor (its regio-coördinator in that region) may overrule."""
    membership = _membership(user)
    if membership is None:
        return False
    return (
        membership.role == "regio_coordinator"
        and membership.scope_region_id == region_id
        and membership.organisation_id is not None
        and membership.organisation.kind == "zorgkantoor"
    )


def can_open_location(user, location) -> bool:
    """The provider's coordinator, the region's coordinator, or a beheerder opens a location."""
    membership = _membership(user)
    if membership is None:
        return False
    if membership.role == "beheerder":
        return True
    if membership.role == "regio_coordinator":
        return membership.scope_region_id == location.region_id
    return (
        membership.role == "aanbieder_coordinator"
        and membership.organisation_id == location.organisation_id
    )
