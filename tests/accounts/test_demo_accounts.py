from __future__ import annotations

from django_otp.plugins.otp_totp.models import TOTPDevice

from mgz.accounts.constants import Role
from mgz.accounts.demo import DEMO_ACCOUNTS, demo_password, ensure_demo_accounts
from mgz.accounts.totp import code_from_secret, current_code


def test_demo_accounts_cover_every_role_and_are_idempotent(world):
    first = ensure_demo_accounts()
    second = ensure_demo_accounts()
    assert {role for _, _, role, _ in first} == set(Role.values)
    assert [row[0] for row in first] == [spec.username for spec in DEMO_ACCOUNTS]
    assert first == second  # the same secrets on a second run
    username, password, _, secret = first[0]
    assert password == demo_password(username)
    device = TOTPDevice.objects.get(user__username=username, confirmed=True)
    assert code_from_secret(secret) == current_code(device)
