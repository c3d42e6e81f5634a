"""The one NinjaAPI of the platform, at /api/v1/; each app adds its router here."""

from __future__ import annotations

from ninja import NinjaAPI

from mgz.routing.api import router as routing_router

api = NinjaAPI(
    title="MGZ-platform API",
    version="1",
    description="Register, beschikbaarheid, toetsing en routering van medisch-generalistische zorg.",
    urls_namespace="api",
)
api.add_router("", routing_router)
