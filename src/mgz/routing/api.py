"""GET /api/v1/route: 'Wie bel ik nu?' for one patient, moment, question, urgency and caller."""

from __future__ import annotations

import hmac
import json
import os
import time
from datetime import datetime

from django.contrib.auth import authenticate
from django.core.serializers.json import DjangoJSONEncoder
from django.http import HttpResponse
from django.utils import timezone
from ninja import Query, Router, Schema, Status
from ninja.security import HttpBasicAuth, django_auth
from pydantic import Field

from mgz.accounts.api_access import Refused, open_patient
from mgz.audit.constants import Action
from mgz.core.calendar import TZ
from mgz.core.routing import CALLERS, QUESTIONS, URGENCIES, UnknownCode, UnknownPatient
from mgz.registry.models import Patient
from mgz.routing import services
from mgz.routing.schemas import ErrorOut, RouteOut, route_out

_REMEMBER_KEY = os.urandom(32)


class BasicAuth(HttpBasicAuth):
    """HTTP basic authentication against the Django users, for scripts and service accounts.

    A password check costs Argon2 time (tens of milliseconds), so a verified pair is remembered
    in this process for `REMEMBER_SECONDS`, keyed by an HMAC of the pair under a random key of
    the process (memory never holds a guessable hash). A password change or deactivation takes
    effect within that time. Roles that must pass a second factor (the accounts app's
    OTP_REQUIRED_ROLES) cannot use basic authentication: they log in.
    """

    REMEMBER_SECONDS = 60.0
    MAX_REMEMBERED = 10_000
    _verified: dict[str, tuple[float, object]] = {}

    def authenticate(self, request, username: str, password: str):
        key = hmac.new(_REMEMBER_KEY, f"{username}\0{password}".encode(), "sha256").hexdigest()
        now = time.monotonic()
        found = self._verified.get(key)
        if found is not None and found[0] > now:
            user = found[1]
        else:
            user = authenticate(request, username=username, password=password)
            if user is None or not user.is_active or _needs_second_factor(user):
                return None
            if len(self._verified) >= self.MAX_REMEMBERED:
                self._verified.clear()
            self._verified[key] = (now + self.REMEMBER_SECONDS, user)
        request.user = user
        return user


def _needs_second_factor(user) -> bool:
    from mgz.accounts.access import membership_of
    from mgz.accounts.constants import OTP_REQUIRED_ROLES

    membership = membership_of(user)
    return membership is not None and membership.role in OTP_REQUIRED_ROLES


router = Router(tags=["routering"], auth=[django_auth, BasicAuth()])


class RouteQuery(Schema):
    patient: str = Field(description="code van de cliënt")
    at: str | None = Field(
        None,
        description="tijdstip (ISO 8601, bijv. 2026-04-21T22:00+02:00); zonder tijdzone: "
        "Nederlandse tijd; leeg: nu",
    )
    question: str = Field(description="soort vraag: " + ", ".join(QUESTIONS))
    urgency: str = Field(description="NTS-urgentie: " + ", ".join(URGENCIES))
    caller: str = Field(description="wie belt: " + ", ".join(CALLERS))
    reden: str | None = Field(
        None,
        description="reden om een cliënt buiten de eigen behandelrelatie of het eigen "
        "HAP-gebied te zien (break the glass); wordt gelogd en gemarkeerd",
    )


def parse_moment(text: str | None) -> datetime:
    """An ISO 8601 moment; without a zone it is Dutch time; empty means now."""
    if not text:
        return timezone.now()
    text = text.strip()
    if "T" in text and " " in text:  # an unencoded '+' in a query string arrives as a space
        text = text.replace(" ", "+")
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        raise ValueError(
            f"'{text}' is geen geldig tijdstip; gebruik ISO 8601, "
            "bijvoorbeeld 2026-04-21T22:00+02:00"
        ) from None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=TZ)
    return moment


@router.get(
    "/route",
    response={200: RouteOut, 400: ErrorOut, 401: ErrorOut, 403: ErrorOut, 404: ErrorOut},
    summary="Wie bel ik nu?",
    description=(
        "De keten voor een zorgvraag: eerst 112 bij U0/U1, dan het meldpunt (voor een "
        "verzorgende de voorwacht), de arts die nu verantwoordelijk is en de "
        "consultatiemogelijkheden, elk met telefoonnummer, tijdvak en convenantartikelen. "
        "Een stap zonder iemand is een knelpunt met het regel-id van de toetsing."
    ),
)
def route(request, query: Query[RouteQuery]):
    try:
        moment = parse_moment(query.at)
    except ValueError as error:
        return Status(400, {"detail": str(error)})
    patient = Patient.objects.select_related("location").filter(code=query.patient).first()
    if patient is None:
        return Status(404, {"detail": f"cliënt '{query.patient}' is niet bekend"})
    try:
        # Need-to-know and the audit record in one call, as for FHIR: a chain (with its
        # handover) is a read of patient data. A HAP outside its area passes 'reden'.
        open_patient(request, patient, action=Action.LOOKUP)
    except Refused as refused:
        return Status(refused.status, {"detail": refused.message})
    try:
        result = services.route_for(
            request.user, query.patient, moment, query.question, query.urgency, query.caller
        )
    except UnknownPatient as error:
        return Status(404, {"detail": str(error)})
    except UnknownCode as error:
        return Status(400, {"detail": str(error)})
    except services.AccessDenied as error:
        return Status(403, {"detail": str(error)})
    # The answer is built from the core result, whose shape a test holds to RouteOut; skipping
    # pydantic's re-validation of every response saves a good part of the request time.
    return HttpResponse(
        json.dumps(route_out(result), cls=DjangoJSONEncoder, ensure_ascii=False),
        content_type="application/json; charset=utf-8",
    )
