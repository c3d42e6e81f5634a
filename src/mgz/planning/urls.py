from __future__ import annotations

from django.urls import path

from mgz.planning import views

app_name = "planning"

urlpatterns = [
    path("", views.index, name="index"),
    path("<int:pk>/", views.job_detail, name="job"),
    path("<int:pk>/voortgang/", views.job_progress, name="progress"),
    path("<int:pk>/accepteren/", views.job_decide, {"decision": "accepteren"}, name="accept"),
    path("<int:pk>/verwerpen/", views.job_decide, {"decision": "verwerpen"}, name="discard"),
]
