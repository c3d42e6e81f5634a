"""The shared test world (tests/world.py) as fixtures, and a client logged in per role."""

from __future__ import annotations

import pytest

from tests.world import World, build_world


@pytest.fixture
def world(db) -> World:
    return build_world()


def login(client, user, *, verified: bool = True):
    """Log a user in as after a password and (when `verified`) a TOTP code."""
    from django_otp import DEVICE_ID_SESSION_KEY
    from django_otp.plugins.otp_totp.models import TOTPDevice

    client.force_login(user)
    device = TOTPDevice.objects.filter(user=user, confirmed=True).first()
    if verified and device is not None:
        session = client.session
        session[DEVICE_ID_SESSION_KEY] = device.persistent_id
        session.save()
    return client


@pytest.fixture
def login_as(client, world):
    """`login_as("hap")` returns the test client logged in (with a second factor) as that user."""

    def _login(username: str, *, verified: bool = True):
        return login(client, world.users[username], verified=verified)

    return _login


@pytest.fixture(autouse=True)
def _fresh_live_conformance():
    """Live conformance results are cached per region id; ids repeat between tests."""
    from mgz.web import conformance_source

    conformance_source.forget()
    yield
    conformance_source.forget()
