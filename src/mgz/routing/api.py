"""GET /api/v1/route: 'Wie bel ik nu?' for one patient, moment, question, urgency and caller."""

from __future__ import annotations

from datetime import datetime

from django.contrib.auth import authenticate
from django.utils import timezone
from ninja import Query, Router, Schema, Status
from ninja.security import HttpBasicAuth, django_auth
from pydantic import Field

from mgz.core.calendar import TZ
from mgz.core.routing import CALLERS, QUESTIONS, URGENCIES, UnknownCode, UnknownPatient
from mgz.routing import services
from mgz.routing.schemas import ErrorOut, RouteOut, route_out


class BasicAuth(HttpBasicAuth):
    """HTTP basic authentication against the Django users (for scripts and tools)."""

    def authenticate(self, request, username: str, password: str):
        user = authenticate(request, username=username, password=password)
        if user is not None and user.is_active:
            request.user = user
            return user
        return None


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
    response={200: RouteOut, 400: ErrorOut, 403: ErrorOut, 404: ErrorOut},
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
    return Status(200, route_out(result))
