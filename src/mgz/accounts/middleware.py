"""Every role that can see patient data must pass a second factor before anything else."""

from __future__ import annotations

import base64
from collections.abc import Callable

from django.contrib.auth import get_user_model
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse

from mgz.accounts.access import membership_of
from mgz.accounts.constants import OTP_REQUIRED_ROLES

# Reachable without a verified second factor (to set one up, or to leave).
_OPEN_NAMES = ("accounts:otp_setup", "accounts:otp_verify", "accounts:logout", "accounts:login")


# Machine endpoints answer 403 instead of redirecting to the code page.
_API_PREFIXES = ("/api/", "/fhir/")


def _basic_auth_username(request: HttpRequest) -> str | None:
    header = request.headers.get("Authorization", "")
    if not header.lower().startswith("basic "):
        return None
    try:
        decoded = base64.b64decode(header[6:].strip()).decode("utf-8")
    except (ValueError, UnicodeDecodeError):
        return None
    return decoded.split(":", 1)[0]


class RequireOTPMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        user = request.user
        # HTTP basic authentication carries no second factor: refuse it for the roles that need
        # one, before any API view authenticates the password.
        username = _basic_auth_username(request)
        if username is not None and request.path.startswith(_API_PREFIXES):
            from mgz.accounts.models import Membership

            role = Membership.objects.filter(user__username=username).values_list("role", flat=True)
            superuser = get_user_model().objects.filter(username=username, is_superuser=True)
            if (role and role[0] in OTP_REQUIRED_ROLES) or superuser.exists():
                return HttpResponse(
                    "Tweede factor vereist: gebruik een ingelogde sessie.", status=403
                )
        if user.is_authenticated and not user.is_verified():
            membership = membership_of(user)
            if membership is not None and membership.role in OTP_REQUIRED_ROLES:
                open_paths = {reverse(name) for name in _OPEN_NAMES}
                if request.path not in open_paths and not request.path.startswith("/static/"):
                    if request.path.startswith(_API_PREFIXES):
                        return HttpResponse("Tweede factor vereist.", status=403)
                    return redirect(f"{reverse('accounts:otp_verify')}?next={request.path}")
        return self.get_response(request)
