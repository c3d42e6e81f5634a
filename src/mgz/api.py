"""The one NinjaAPI of the platform, at /api/v1/; each app adds its router here."""

from __future__ import annotations

from ninja import NinjaAPI
from ninja.errors import AuthenticationError, ValidationError

from mgz.handover.api import router as handover_router
from mgz.regiotafel.api import router as regiotafel_router
from mgz.routing.api import router as routing_router

api = NinjaAPI(
    title="MGZ-platform API",
    version="1",
    description="Register, beschikbaarheid, toetsing, routering, overdracht en regiotafel van medisch-generalistische zorg.",
    urls_namespace="api",
)
api.add_router("", routing_router)
api.add_router("", handover_router)
api.add_router("/regiotafel", regiotafel_router)


@api.exception_handler(AuthenticationError)
def not_logged_in(request, exc):
    return api.create_response(
        request,
        {"detail": "Niet aangemeld: log in, of gebruik HTTP basic-authenticatie."},
        status=401,
    )


@api.exception_handler(ValidationError)
def invalid_parameters(request, exc):
    """Ninja's own checks (a missing or malformed parameter) as one Dutch sentence, with the
    details kept for tools."""
    names = sorted({str(error.get("loc", ["?"])[-1]) for error in exc.errors})
    return api.create_response(
        request,
        {
            "detail": "Ontbrekende of ongeldige parameter(s): " + ", ".join(names) + ".",
            "errors": exc.errors,
        },
        status=400,
    )
