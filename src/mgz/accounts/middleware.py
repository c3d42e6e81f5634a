"""Every role that can see patient data must pass a second factor before anything else."""

from __future__ import annotations

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse

from mgz.accounts.access import membership_of
from mgz.accounts.constants import OTP_REQUIRED_ROLES

# Reachable without a verified second factor (to set one up, or to leave).
_OPEN_NAMES = ("accounts:otp_setup", "accounts:otp_verify", "accounts:logout", "accounts:login")


class RequireOTPMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        user = request.user
        if user.is_authenticated and not user.is_verified():
            membership = membership_of(user)
            if membership is not None and membership.role in OTP_REQUIRED_ROLES:
                open_paths = {reverse(name) for name in _OPEN_NAMES}
                if request.path not in open_paths and not request.path.startswith("/static/"):
                    if request.path.startswith("/api/"):
                        return HttpResponse("Tweede factor vereist.", status=403)
                    return redirect(f"{reverse('accounts:otp_verify')}?next={request.path}")
        return self.get_response(request)
