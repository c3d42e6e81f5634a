"""A URLconf for the handover API tests: the platform's URLs plus the handover router, until
mgz/api.py mounts it (then these tests can use /api/v1/ directly)."""

from __future__ import annotations

from django.urls import path
from ninja import NinjaAPI

from mgz.handover.api import router
from mgz.urls import urlpatterns as platform_urls

test_api = NinjaAPI(urls_namespace="handover_test_api")
test_api.add_router("", router)

urlpatterns = [path("test-api/", test_api.urls), *platform_urls]
