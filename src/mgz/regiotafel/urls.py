from __future__ import annotations

from django.urls import path

from mgz.regiotafel import views

app_name = "regiotafel"

urlpatterns = [
    path("", views.index, name="index"),
    path("<int:pk>/", views.detail, name="detail"),
    path("<int:pk>/afspraken/nieuw/", views.agreement_new, name="agreement_new"),
    path("afspraken/<int:pk>/document/", views.agreement_document, name="agreement_document"),
    path("<int:pk>/knelpunten/nieuw/", views.knelpunt_new, name="knelpunt_new"),
    path("knelpunten/<int:pk>/", views.knelpunt_detail, name="knelpunt"),
    path("knelpunten/<int:pk>/actie/", views.knelpunt_action, name="knelpunt_action"),
    path("<int:pk>/rapport/", views.report_html, name="report"),
    path("<int:pk>/rapport.pdf", views.report_pdf, name="report_pdf"),
    path("locaties/<int:pk>/openen/", views.location_open, name="location_open"),
]
