from __future__ import annotations

from django.urls import reverse


def test_region_dashboard_shows_clauses_heatmap_and_findings(login_as, world):
    client = login_as("regio")
    response = client.get(reverse("web:dashboard", args=[world.region.id]))
    html = response.content.decode()
    assert response.status_code == 200
    assert "Stand per artikel" in html
    assert "2.1.3.a" in html
    assert "<svg" in html
    print(html[html.find("Bevindingen") : html.find("Bevindingen") + 3000])


def test_aggregate_roles_never_see_patient_names(login_as, world):
    client = login_as("regio")
    html = client.get(reverse("web:dashboard", args=[world.region.id])).content.decode()
    assert "Aalders" not in html and "Bos" not in html


def test_findings_filter_returns_a_partial_for_htmx(login_as, world):
    client = login_as("regio")
    response = client.get(
        reverse("web:dashboard", args=[world.region.id]),
        {"moment": "anw", "regel": "2.1.3.b.1"},
        HTTP_HX_REQUEST="true",
    )
    assert response.status_code == 200
    assert "<html" not in response.content.decode()
