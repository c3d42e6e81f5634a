from __future__ import annotations

from django.urls import path

from mgz.web.views import audit, location, overview, patient

app_name = "web"

urlpatterns = [
    path("", overview.home, name="home"),
    path("regios/", overview.regions, name="regions"),
    path("regio/<int:region_id>/", overview.dashboard, name="dashboard"),
    path("locaties/", overview.locations, name="locations"),
    path("locatie/<int:location_id>/", location.location_page, name="location"),
    path("locatie/<int:location_id>/beschikbaarheid/", location.availability, name="availability"),
    path(
        "locatie/<int:location_id>/beschikbaarheid/nieuw/",
        location.availability_add,
        name="availability_add",
    ),
    path(
        "locatie/<int:location_id>/beschikbaarheid/<int:arrangement_id>/",
        location.availability_save,
        name="availability_save",
    ),
    path("clienten/", patient.patients, name="patients"),
    path("client/<int:patient_id>/", patient.patient_page, name="patient"),
    path("client/<int:patient_id>/reden/", patient.break_glass, name="break_glass"),
    path("wie-bel-ik-nu/", patient.lookup, name="lookup"),
    path("wie-bel-ik-nu/<int:patient_id>/", patient.lookup_result, name="lookup_result"),
    path("auditlog/", audit.audit_log, name="audit"),
    path("auditlog/export.csv", audit.audit_export, name="audit_export"),
]
