"""Demo accounts, one per role, attached to objects found in the synthetic demo data.

`ensure_demo_accounts()` is idempotent: it creates or updates the accounts and returns their
credentials and TOTP secrets, so a presenter can log in with any authenticator app.
Never use this outside a demo database.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models import Count

from mgz.accounts.constants import Role
from mgz.accounts.models import Membership
from mgz.accounts.totp import secret_base32
from mgz.registry.constants import Discipline, OrganisationKind
from mgz.registry.models import (
    CareTeamMember,
    Organisation,
    Professional,
    ProfessionalRole,
    Region,
)


@dataclass(frozen=True)
class DemoAccount:
    username: str
    role: str
    # Each finder gets the demo region and returns (organisation, region, professional).
    find: Callable[[Region], tuple[Organisation | None, Region | None, Professional | None]]
    superuser: bool = False


def _region_only(region: Region):
    return None, region, None


def _provider(region: Region):
    org = (
        Organisation.objects.filter(locations__region=region, locations__patients__isnull=False)
        .annotate(n=Count("locations__patients"))
        .order_by("-n", "code")
        .first()
    )
    return org, None, None


def _hap(region: Region):
    org = (
        Organisation.objects.filter(kind=OrganisationKind.HAP, served_locations__region=region)
        .annotate(n=Count("served_locations"))
        .order_by("-n", "code")
        .first()
    )
    return org, None, None


def _physician(discipline: str):
    def find(region: Region):
        member = (
            CareTeamMember.objects.filter(
                professional__discipline=discipline, patient__region=region
            )
            .values("professional_id")
            .annotate(n=Count("id"))
            .order_by("-n", "professional_id")
            .first()
        )
        professional = (
            Professional.objects.get(id=member["professional_id"])
            if member
            else Professional.objects.filter(discipline=discipline).order_by("code").first()
        )
        role = (
            ProfessionalRole.objects.filter(professional=professional).first()
            if professional
            else None
        )
        return (role.organisation if role else None), None, professional

    return find


def _nothing(region: Region):
    return None, None, None


DEMO_ACCOUNTS: list[DemoAccount] = [
    DemoAccount("regio", Role.REGIO_COORDINATOR, _region_only),
    DemoAccount("regiotafel", Role.REGIOTAFEL_LID, _region_only),
    DemoAccount("aanbieder", Role.AANBIEDER_COORDINATOR, _provider),
    DemoAccount("huisarts", Role.ARTS, _physician(Discipline.HUISARTS)),
    DemoAccount("so", Role.ARTS, _physician(Discipline.SO)),
    DemoAccount("avg", Role.ARTS, _physician(Discipline.AVG)),
    DemoAccount("hap", Role.HAP, _hap),
    DemoAccount("privacy", Role.PRIVACY_OFFICER, _nothing),
    DemoAccount("beheerder", Role.BEHEERDER, _nothing, superuser=True),
]


def demo_password(username: str) -> str:
    return f"demo-{username}-mgz"


def demo_region() -> Region | None:
    """The region with the most locations: the one a demo is about."""
    return Region.objects.annotate(n=Count("locations")).order_by("-n", "code").first()


@transaction.atomic
def ensure_demo_accounts() -> list[tuple[str, str, str, str]]:
    """Create or update every demo account; returns (username, password, role, totp_secret)."""
    from django_otp.plugins.otp_totp.models import TOTPDevice

    region = demo_region()
    User = get_user_model()
    out = []
    for spec in DEMO_ACCOUNTS:
        organisation, scope_region, professional = (
            spec.find(region) if region else (None, None, None)
        )
        user, _ = User.objects.get_or_create(username=spec.username)
        user.is_staff = user.is_superuser = spec.superuser
        user.set_password(demo_password(spec.username))
        user.save()
        Membership.objects.update_or_create(
            user=user,
            defaults={
                "role": spec.role,
                "organisation": organisation,
                "region": scope_region,
                "professional": professional,
            },
        )
        device = TOTPDevice.objects.filter(user=user, confirmed=True).first()
        if device is None:
            device = TOTPDevice.objects.create(user=user, name="demo", confirmed=True)
        out.append((spec.username, demo_password(spec.username), spec.role, secret_base32(device)))
    return out
