"""The regiotafel pages: access, and each page calling its service."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from mgz.regiotafel import gate
from mgz.regiotafel.models import Agreement, Knelpunt
from mgz.registry.models import Location

from .test_agreements import PDF


@pytest.fixture
def coordinator_client(client, world):
    client.force_login(world.coordinator)
    return client


def test_an_outsider_does_not_see_the_table(client, world):
    client.force_login(world.outsider)
    assert client.get(reverse("regiotafel:detail", args=[world.table.pk])).status_code == 404
    assert client.get(reverse("regiotafel:report", args=[world.table.pk])).status_code == 404


def test_an_anonymous_user_is_sent_to_login(client, world):
    response = client.get(reverse("regiotafel:index"))
    assert response.status_code == 302 and "inloggen" in response["Location"]


def test_the_coordinator_records_an_agreement_with_a_document(coordinator_client, world):
    url = reverse("regiotafel:agreement_new", args=[world.table.pk])
    assert coordinator_client.get(url).status_code == 200
    response = coordinator_client.post(
        url,
        {
            "title": "ANW-afspraak",
            "kind": "organisatorisch",
            "topics": ["beschikbaarheid_anw", "vervanging"],
            "parties": [world.provider.pk, world.practice.pk],
            "scope_kind": "regio",
            "clause_ids": "2.1.3.b.1, 2.5.2",
            "valid_from": "2026-01-01",
            "document": SimpleUploadedFile("afspraak.pdf", PDF, content_type="application/pdf"),
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    agreement = Agreement.objects.get()
    assert agreement.clause_ids == ["2.1.3.b.1", "2.5.2"]
    download = coordinator_client.get(reverse("regiotafel:agreement_document", args=[agreement.pk]))
    assert download["Content-Type"] == "application/pdf"
    assert "attachment" in download["Content-Disposition"]
    assert b"".join(download.streaming_content) == PDF


def test_a_wrong_document_is_shown_as_a_form_error(coordinator_client, world):
    response = coordinator_client.post(
        reverse("regiotafel:agreement_new", args=[world.table.pk]),
        {
            "title": "x",
            "kind": "organisatorisch",
            "parties": [world.provider.pk],
            "scope_kind": "regio",
            "valid_from": "2026-01-01",
            "document": SimpleUploadedFile("x.pdf", b"<script>", content_type="application/pdf"),
        },
    )
    assert response.status_code == 200
    assert "wordt niet aangenomen" in response.content.decode()
    assert not Agreement.objects.exists()


def test_the_document_is_not_served_to_an_outsider(client, coordinator_client, world):
    from mgz.regiotafel import services

    agreement = services.create_agreement(
        world.table,
        title="x",
        kind="organisatorisch",
        topics=[],
        parties=[world.provider],
        valid_from=world.table.convened_on,
        document=SimpleUploadedFile("x.pdf", PDF),
    )
    client.force_login(world.outsider)
    assert (
        client.get(reverse("regiotafel:agreement_document", args=[agreement.pk])).status_code == 404
    )


def test_raise_and_escalate_a_knelpunt_through_the_pages(coordinator_client, world):
    response = coordinator_client.post(
        reverse("regiotafel:knelpunt_new", args=[world.table.pk]),
        {
            "title": "Geen AVG in het weekend",
            "description": "…",
            "raised_by": world.practice.pk,
            "about_organisation": world.provider.pk,
        },
    )
    knelpunt = Knelpunt.objects.get()
    assert response["Location"] == reverse("regiotafel:knelpunt", args=[knelpunt.pk])
    action = reverse("regiotafel:knelpunt_action", args=[knelpunt.pk])
    coordinator_client.post(action, {"action": "escalate", "decision": "Naar de tafel."})
    coordinator_client.post(action, {"action": "escalate", "decision": "Naar het zorgkantoor."})
    knelpunt.refresh_from_db()
    assert knelpunt.step == 3
    page = coordinator_client.get(
        reverse("regiotafel:knelpunt", args=[knelpunt.pk])
    ).content.decode()
    assert "3 – Zorgkantoor / zorgverzekeraar" in page
    response = coordinator_client.post(action, {"action": "escalate", "decision": "x"}, follow=True)
    assert "NZa, IGJ, VWS" in response.content.decode()  # the domain error, shown as it is


def test_the_report_as_page_and_pdf(coordinator_client, world):
    page = coordinator_client.get(
        reverse("regiotafel:report", args=[world.table.pk]), {"peildatum": "2026-03-02"}
    )
    assert page.status_code == 200 and "Regiotafelrapport" in page.content.decode()
    assert "<style>" not in page.content.decode()  # strict CSP: the stylesheet is a file
    pdf = coordinator_client.get(reverse("regiotafel:report_pdf", args=[world.table.pk]))
    assert pdf["Content-Type"] == "application/pdf" and pdf.content.startswith(b"%PDF-")


def test_the_opening_page_lists_blockers_and_takes_an_exception(
    coordinator_client, world, monkeypatch
):
    blocking = [gate.BlockingFinding("2.3.3.2.c", "Geen afspraak voor SO-zorg.")]
    monkeypatch.setattr(gate, "latest_findings", lambda location: blocking)
    url = reverse("regiotafel:location_open", args=[world.planned.pk])
    assert "Geen afspraak voor SO-zorg" in coordinator_client.get(url).content.decode()
    refused = coordinator_client.post(url, {"exception_reason": ""})
    assert "kan niet open" in refused.content.decode()
    coordinator_client.post(url, {"exception_reason": "Overbrugging afgesproken."})
    assert Location.objects.get(pk=world.planned.pk).status == "open"


def test_the_index_lists_the_tables_and_their_overdue_deadlines(coordinator_client, world):
    from datetime import timedelta

    from django.utils import timezone

    from mgz.regiotafel import services
    from mgz.regiotafel.queries import overdue_for_region

    today = timezone.localdate()
    services.raise_knelpunt(
        world.table,
        title="Termijn voorbij",
        description="…",
        raised_by=world.practice,
        about_organisation=world.provider,
        today=today - timedelta(days=40),
    )
    page = coordinator_client.get(reverse("regiotafel:index")).content.decode()
    assert world.table.name in page
    assert "Verstreken termijnen" in page and "Termijn voorbij" in page
    assert [s.knelpunt.title for s in overdue_for_region(world.region.id, today)] == [
        "Termijn voorbij"
    ]
