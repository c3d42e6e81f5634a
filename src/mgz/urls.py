from django.contrib import admin
from django.urls import include, path

from mgz.api import api

urlpatterns = [
    path("admin/", admin.site.urls),
    path("api/v1/", api.urls),
    path("account/", include("mgz.accounts.urls")),
    path("regiotafel/", include("mgz.regiotafel.urls")),
    path("fhir/", include("mgz.exchange.fhir.urls")),
    path("overdracht/", include("mgz.handover.urls")),
    path("planning/", include("mgz.planning.urls")),
    path("", include("mgz.web.urls")),
]
