"""'Wie bel ik nu?' and the patient page: need-to-know, break the glass, audit."""

from __future__ import annotations

from django.urls import reverse

from mgz.audit.models import AuditEvent


def test_hap_finds_a_patient_in_its_area_by_bsn_and_sees_whom_to_call(login_as, world):
    client = login_as("hap")
    response = client.post(reverse("web:lookup"), {"bsn": "999911120"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "Aalders" in html
    assert 'href="tel:' in html
    assert "Regiebehandelaar MGZ" in html
    assert "routering is nu niet beschikbaar" not in html  # the chain comes from mgz.routing
    event = AuditEvent.objects.get()
    assert (event.action, event.relation, event.flagged) == ("lookup", "hap", False)


def test_lookup_by_name_and_birth_date(login_as, world):
    client = login_as("so")
    response = client.post(
        reverse("web:lookup"), {"family_name": "aalders", "birth_date": "1938-04-02"}
    )
    assert "Bel nu" in response.content.decode()


def test_lookup_needs_a_bsn_or_name_and_birth_date(login_as, world):
    client = login_as("hap")
    response = client.post(reverse("web:lookup"), {"family_name": "Aalders"})
    assert "Vul een BSN in" in response.content.decode()


def test_a_patient_outside_the_relation_is_not_found_for_a_physician(login_as, world):
    client = login_as("so")
    html = client.post(reverse("web:lookup"), {"bsn": "111222333"}).content.decode()
    assert "Geen cliënt gevonden" in html
    assert "Oosterhuis" not in html


def test_hap_outside_its_area_must_give_a_reason_which_is_logged_and_flagged(login_as, world):
    client = login_as("hap")
    html = client.post(reverse("web:lookup"), {"bsn": "111222333"}).content.decode()
    assert "Buiten uw gebied" in html
    assert "Oosterhuis" not in html  # no name before a reason is given
    url = reverse("web:break_glass", args=[world.patient_other.id])
    too_short = client.post(url, {"reason": "kort", "then": "lookup"})
    assert too_short.status_code == 200 and not AuditEvent.objects.exists()
    response = client.post(
        url, {"reason": "Telefonische triage, cliënt belt vanaf vakantieadres", "then": "lookup"}
    )
    assert response["Location"] == reverse("web:lookup_result", args=[world.patient_other.id])
    html = client.get(response["Location"]).content.decode()
    assert "Oosterhuis" in html and "Inzage met reden" in html
    actions = list(
        AuditEvent.objects.order_by("id").values_list("action", "flagged", "break_glass")
    )
    assert actions == [("break_glass", True, True), ("lookup", True, True)]


def test_the_patient_page_shows_the_care_team(login_as, world):
    client = login_as("aanbieder")
    html = client.get(reverse("web:patient", args=[world.patient_a.id])).content.decode()
    assert "Regiebehandelaar MGZ" in html and "de Vries" in html
    assert "Huisartsenpraktijk De Linde" in html
    assert "Geen overdrachtsdocument beschikbaar" in html


def test_the_beheerder_sees_patient_data_only_with_a_reason(login_as, world):
    client = login_as("beheerder")
    url = reverse("web:patient", args=[world.patient_a.id])
    assert client.get(url)["Location"] == reverse("web:break_glass", args=[world.patient_a.id])
    client.post(
        reverse("web:break_glass", args=[world.patient_a.id]),
        {"reason": "Storing onderzoeken op verzoek van de zorgaanbieder"},
    )
    assert client.get(url).status_code == 200
    assert AuditEvent.objects.filter(flagged=True).count() == 2
