"""/overdracht/: regiebehandelaarschap transfers and the patient handover."""

from __future__ import annotations

from django.urls import path

from mgz.handover import views

app_name = "handover"

urlpatterns = [
    path("client/<int:patient_id>/", views.patient_page, name="patient"),
    path("client/<int:patient_id>/voorstel/", views.propose, name="propose"),
    path("client/<int:patient_id>/document/", views.document_form, name="document"),
    path("client/<int:patient_id>/overdracht.pdf", views.document_pdf, name="pdf"),
    path("regie/<int:transfer_id>/<slug:step>/", views.transfer_step, name="step"),
]
