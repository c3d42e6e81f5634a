"""Small builders for registry objects; every argument has a sensible default."""

from __future__ import annotations

import itertools
from datetime import date

from mgz.registry.models import (
    CareTeamMember,
    Location,
    Organisation,
    Patient,
    Professional,
    Region,
)

_seq = itertools.count(1)

# Synthetic BSNs that pass the 11-proef (never a real person's).
SYNTHETIC_BSNS = ["999911120", "999999151", "111222333", "012345672", "999990019", "999990032"]


def region(**kw) -> Region:
    n = next(_seq)
    return Region.objects.create(**{"code": f"R{n}", "name": f"Regio {n}", **kw})


def organisation(**kw) -> Organisation:
    n = next(_seq)
    return Organisation.objects.create(
        **{"code": f"ORG{n}", "name": f"Organisatie {n}", "kind": "zorgaanbieder_vv", **kw}
    )


def location(**kw) -> Location:
    n = next(_seq)
    if "organisation" not in kw:
        kw["organisation"] = organisation()
    if "region" not in kw:
        kw["region"] = region()
    defaults = {
        "code": f"LOC{n}",
        "name": f"Locatie {n}",
        "postcode": "3511 AB",
        "kind": "verpleeghuis",
        "treatment_model": "met_behandeling",
        "capacity": 40,
    }
    return Location.objects.create(**{**defaults, **kw})


def professional(**kw) -> Professional:
    n = next(_seq)
    return Professional.objects.create(
        **{
            "code": f"PRF{n}",
            "initials": "A.",
            "family_name": f"Arts {n}",
            "discipline": "so",
            **kw,
        }
    )


def patient(bsn: str | None = None, **kw) -> Patient:
    n = next(_seq)
    if "location" not in kw and "home_postcode" not in kw:
        kw["location"] = location()
    if "region" not in kw:
        kw["region"] = kw["location"].region if kw.get("location") else region()
    obj = Patient(
        **{
            "code": f"CLI{n}",
            "family_name": f"Cliënt {n}",
            "birth_date": date(1940, 1, 1),
            "zorgprofiel": "VV05",
            "leveringsvorm": "verblijf",
            **kw,
        }
    )
    obj.set_bsn(bsn or _bsn_for(n))
    obj.save()
    return obj


def care_team_member(**kw) -> CareTeamMember:
    if "patient" not in kw:
        kw["patient"] = patient()
    if "professional" not in kw:
        kw["professional"] = professional()
    return CareTeamMember.objects.create(
        **{"role": "regiebehandelaar", "start": date(2026, 1, 1), **kw}
    )


def _bsn_for(n: int) -> str:
    """A valid synthetic BSN derived from a sequence number (prefix 99)."""
    base = 99_000_000 + n * 7
    while True:
        digits = f"{base:08d}"
        total = sum(int(d) * w for d, w in zip(digits, (9, 8, 7, 6, 5, 4, 3, 2), strict=True))
        check = total % 11
        if check < 10:
            return digits + str(check)
        base += 1


# --- Accounts (additive: used by the shared test world in tests/world.py) -----------------


def user(username: str, *, role: str | None = None, otp: bool = True, **scope):
    """A user with an optional membership and a confirmed TOTP device."""
    from django.contrib.auth import get_user_model
    from django_otp.plugins.otp_totp.models import TOTPDevice

    from mgz.accounts.models import Membership

    obj = get_user_model().objects.create_user(
        username=username,
        password=TEST_PASSWORD,
        is_superuser=scope.pop("superuser", False),
        is_staff=scope.pop("staff", False),
    )
    if role:
        Membership.objects.create(user=obj, role=role, **scope)
    if otp:
        TOTPDevice.objects.create(user=obj, name="test", confirmed=True)
    return obj


TEST_PASSWORD = "test-wachtwoord-123"
