"""TOTP helpers around django-otp: provisioning, the QR code, and the current code for tests
and the demo (computed from the device key, exactly as an authenticator app would)."""

from __future__ import annotations

import base64
import time

import segno
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

ISSUER = "MGZ-platform"


def confirmed_device(user) -> TOTPDevice | None:
    return TOTPDevice.objects.filter(user=user, confirmed=True).first()


def pending_device(user) -> TOTPDevice:
    """The unconfirmed device shown on the setup page; made once, reused until confirmed."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name="authenticator", confirmed=False)
    return device


def secret_base32(device: TOTPDevice) -> str:
    return base64.b32encode(device.bin_key).decode("ascii").rstrip("=")


def qr_svg(device: TOTPDevice) -> str:
    """An inline SVG (no script, no external request: allowed by the strict CSP)."""
    qr = segno.make(device.config_url.replace("otpauth://totp/", f"otpauth://totp/{ISSUER}:"))
    return qr.svg_inline(
        scale=4, dark="#000", light="#fff", title="QR-code voor de authenticator-app"
    )


def current_code(device: TOTPDevice, *, at: float | None = None) -> str:
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    totp.time = at if at is not None else time.time()
    return f"{totp.token():0{device.digits}d}"


def code_from_secret(
    secret: str, *, at: float | None = None, step: int = 30, digits: int = 6
) -> str:
    """The code for a base32 secret (what the demo prints), as an authenticator app computes it."""
    padded = secret + "=" * (-len(secret) % 8)
    totp = TOTP(base64.b32decode(padded), step, 0, digits, 0)
    totp.time = at if at is not None else time.time()
    return f"{totp.token():0{digits}d}"
