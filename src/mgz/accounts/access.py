"""Need-to-know: the one place that decides who may see or change what.

Views and API endpoints call these functions and map the answer to a response: a role that
can never see a kind of object gets 403; an object outside the user's organisation or region
gets 404 (so its existence does not leak); a break-the-glass case asks for a reason first.
Templates never decide access.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.db.models import Q, QuerySet
from django.utils import timezone

from mgz.accounts.constants import AGGREGATE_ROLES, PATIENT_DATA_ROLES, Role
from mgz.accounts.models import Membership
from mgz.registry.models import CareTeamMember, Location, Patient, ProfessionalRole, Region

# How a user is related to a patient; it is written into every audit record.
BEHANDELRELATIE = "behandelrelatie"
ION = "ion"
ZORGAANBIEDER = "zorgaanbieder"
HAP_GEBIED = "hap"
REDEN = "reden"


@dataclass(frozen=True)
class Decision:
    """The answer to 'may this user do this?'.

    `hidden` means: answer as if the object did not exist (404). `needs_reason` means: allowed
    only after the user gives a reason (break the glass), which is logged and flagged.
    """

    allowed: bool
    relation: str = ""
    needs_reason: bool = False
    hidden: bool = False
    why: str = ""


DENIED_ROLE = Decision(False, why="Uw rol geeft geen toegang tot deze gegevens.")
NOT_IN_SCOPE = Decision(False, hidden=True, why="Niet gevonden.")


def membership_of(user) -> Membership | None:
    """The user's membership, cached on the user object. A superuser without one is a beheerder."""
    if not getattr(user, "is_authenticated", False):
        return None
    if hasattr(user, "_mgz_membership"):
        return user._mgz_membership
    membership = (
        Membership.objects.select_related("organisation", "region", "professional")
        .filter(user=user)
        .first()
    )
    if membership is None and user.is_superuser:
        membership = Membership(user=user, role=Role.BEHEERDER)
    user._mgz_membership = membership
    return membership


def role_of(user) -> str | None:
    membership = membership_of(user)
    return membership.role if membership else None


def _today(today: date | None) -> date:
    return today or timezone.localdate()


def _professional_organisation_ids(membership: Membership, day: date) -> set[int]:
    ids = set()
    if membership.organisation_id:
        ids.add(membership.organisation_id)
    if membership.professional_id:
        roles = ProfessionalRole.objects.filter(professional_id=membership.professional_id).filter(
            Q(start__isnull=True) | Q(start__lte=day), Q(end__isnull=True) | Q(end__gte=day)
        )
        ids.update(roles.values_list("organisation_id", flat=True))
    return ids


def _active_care_team(day: date) -> Q:
    return Q(start__lte=day) & (Q(end__isnull=True) | Q(end__gte=day))


def patient_access(user, patient: Patient, *, today: date | None = None) -> Decision:
    """May this user see (or act on) this patient's data, and on what ground?"""
    membership = membership_of(user)
    if membership is None or membership.role not in PATIENT_DATA_ROLES:
        return DENIED_ROLE
    day = _today(today)
    role = membership.role
    if role == Role.AANBIEDER_COORDINATOR:
        if patient.location_id and patient.location.organisation_id == membership.organisation_id:
            return Decision(True, relation=ZORGAANBIEDER)
        return NOT_IN_SCOPE
    if role == Role.ARTS:
        if (
            membership.professional_id
            and CareTeamMember.objects.filter(
                _active_care_team(day),
                patient=patient,
                professional_id=membership.professional_id,
            ).exists()
        ):
            return Decision(True, relation=BEHANDELRELATIE)
        if patient.ion_practice_id and patient.ion_practice_id in _professional_organisation_ids(
            membership, day
        ):
            return Decision(True, relation=ION)
        return NOT_IN_SCOPE
    if role == Role.HAP:
        if patient.location_id and patient.location.hap_id == membership.organisation_id:
            return Decision(True, relation=HAP_GEBIED)
        return Decision(
            False,
            needs_reason=True,
            why="Deze cliënt woont niet in het gebied van uw HAP. Geef een reden om toch te kijken.",
        )
    # Beheerder: only with a reason, every time.
    return Decision(
        False,
        needs_reason=True,
        why="Als beheerder ziet u cliëntgegevens alleen met een reden.",
    )


def visible_patients(user, *, today: date | None = None) -> QuerySet[Patient]:
    """Patients the user may see without giving a reason (for lists and searches)."""
    membership = membership_of(user)
    patients = Patient.objects.select_related("location", "region")
    if membership is None:
        return patients.none()
    day = _today(today)
    if membership.role == Role.AANBIEDER_COORDINATOR:
        return patients.filter(location__organisation_id=membership.organisation_id)
    if membership.role == Role.ARTS:
        treated = CareTeamMember.objects.filter(
            _active_care_team(day), professional_id=membership.professional_id
        ).values("patient_id")
        return patients.filter(
            Q(id__in=treated)
            | Q(ion_practice_id__in=_professional_organisation_ids(membership, day))
        )
    if membership.role == Role.HAP:
        return patients.filter(location__hap_id=membership.organisation_id)
    return patients.none()


def can_look_up_patients(user) -> Decision:
    """'Wie bel ik nu?' is for the roles that handle patients."""
    membership = membership_of(user)
    if membership is None or membership.role not in PATIENT_DATA_ROLES:
        return DENIED_ROLE
    return Decision(True)


def region_ids(user) -> set[int] | None:
    """The regions a user may see aggregates of; None means all (beheerder)."""
    membership = membership_of(user)
    if membership is None or membership.role == Role.PRIVACY_OFFICER:
        return set()
    if membership.role == Role.BEHEERDER:
        return None
    day = timezone.localdate()
    ids: set[int] = set()
    if membership.scope_region_id:
        ids.add(membership.scope_region_id)
    if membership.role == Role.ARTS:
        from mgz.registry.models import Organisation

        org_ids = _professional_organisation_ids(membership, day)
        ids.update(
            r
            for r in Organisation.objects.filter(id__in=org_ids).values_list("region_id", flat=True)
            if r
        )
    return ids


def region_access(user, region: Region) -> Decision:
    membership = membership_of(user)
    if membership is None or membership.role == Role.PRIVACY_OFFICER:
        return DENIED_ROLE
    ids = region_ids(user)
    if ids is None or region.id in ids:
        return Decision(True)
    return NOT_IN_SCOPE


def visible_regions(user) -> QuerySet[Region]:
    ids = region_ids(user)
    regions = Region.objects.all()
    return regions if ids is None else regions.filter(id__in=ids)


def location_access(user, location: Location, *, edit: bool = False) -> Decision:
    """Locations hold no patient data: everyone in the region may look; only the provider
    itself (and the beheerder) may change its availability."""
    membership = membership_of(user)
    if membership is None or membership.role == Role.PRIVACY_OFFICER:
        return DENIED_ROLE
    role = membership.role
    if role == Role.BEHEERDER:
        return Decision(True)
    if role == Role.AANBIEDER_COORDINATOR:
        if location.organisation_id == membership.organisation_id:
            return Decision(True)
        return NOT_IN_SCOPE
    ids = region_ids(user) or set()
    if location.region_id not in ids:
        return NOT_IN_SCOPE
    if edit:
        return DENIED_ROLE
    return Decision(True)


def visible_locations(user) -> QuerySet[Location]:
    membership = membership_of(user)
    locations = Location.objects.select_related("organisation", "region")
    if membership is None or membership.role == Role.PRIVACY_OFFICER:
        return locations.none()
    if membership.role == Role.BEHEERDER:
        return locations
    if membership.role == Role.AANBIEDER_COORDINATOR:
        return locations.filter(organisation_id=membership.organisation_id)
    return locations.filter(region_id__in=region_ids(user) or set())


def can_view_audit(user) -> Decision:
    membership = membership_of(user)
    if membership is not None and membership.role == Role.PRIVACY_OFFICER:
        return Decision(True)
    return DENIED_ROLE


def sees_patient_detail(user) -> bool:
    """Aggregate roles see counts, never names, in findings and dashboards."""
    membership = membership_of(user)
    return membership is not None and membership.role not in AGGREGATE_ROLES | {
        Role.PRIVACY_OFFICER
    }
