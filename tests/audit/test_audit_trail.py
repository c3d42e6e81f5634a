"""Every read of patient data leaves an audit record; the privacy officer queries and exports."""

from __future__ import annotations

import csv
import io

from django.urls import reverse

from mgz.audit.models import AuditEvent


def test_opening_a_patient_page_is_logged_with_the_request_id(login_as, world):
    client = login_as("so")
    response = client.get(reverse("web:patient", args=[world.patient_a.id]))
    assert response.status_code == 200
    event = AuditEvent.objects.get()
    assert (event.username, event.action, event.relation) == ("so", "view", "behandelrelatie")
    assert event.patient_id == world.patient_a.id
    assert event.request_id == response["X-Request-ID"]


def test_a_denied_patient_is_logged_too(login_as, world):
    client = login_as("so")
    assert client.get(reverse("web:patient", args=[world.patient_b.id])).status_code == 404
    assert AuditEvent.objects.get().action == "denied"


def test_pages_without_patient_data_are_not_logged(login_as, world):
    client = login_as("regio")
    client.get(reverse("web:dashboard", args=[world.region.id]))
    assert not AuditEvent.objects.exists()


def test_the_privacy_officer_filters_and_exports_csv(client, world):
    from tests.conftest import login

    login(client, world.users["so"]).get(reverse("web:patient", args=[world.patient_a.id]))
    login(client, world.users["aanbieder"]).get(reverse("web:patient", args=[world.patient_b.id]))
    login(client, world.users["privacy"])
    page = client.get(reverse("web:audit"), {"username": "so"}).content.decode()
    assert world.patient_a.code in page and world.patient_b.code not in page

    response = client.get(reverse("web:audit_export"), {"username": "so"})
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode())))
    assert rows[0][:5] == ["tijdstip", "gebruiker", "rol", "organisatie", "cliënt"]
    assert [row[4] for row in rows[1:]] == [world.patient_a.code]
    # The export itself is logged.
    assert AuditEvent.objects.filter(action="export", username="privacy").exists()


def test_a_reason_cannot_become_a_spreadsheet_formula(world):
    from mgz.audit.services import csv_rows, record

    record(world.users["hap"], world.patient_b, "break_glass", reason="=HYPERLINK(1)")
    rows = list(csv_rows(AuditEvent.objects.all()))
    assert rows[1][7] == "'=HYPERLINK(1)"


def test_a_list_of_patients_is_a_read_of_each_patient_shown(login_as, world):
    client = login_as("aanbieder")
    assert client.get(reverse("web:patients")).status_code == 200
    logged = set(AuditEvent.objects.values_list("patient_code", flat=True))
    assert logged == {world.patient_a.code, world.patient_b.code}
