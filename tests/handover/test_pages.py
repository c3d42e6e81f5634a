"""The handover pages with the shared test world: the SO (regiebehandelaar of patient A)
proposes a transfer to the GP, the GP accepts, records the conversation and completes it;
the GP then writes the handover, which the HAP sees and can print."""

from __future__ import annotations

from datetime import timedelta

from django.urls import reverse
from django.utils import timezone

from mgz.audit.models import AuditEvent
from mgz.handover import services


def _page(world):
    return reverse("handover:patient", args=[world.patient_a.id])


def test_full_transfer_through_the_pages(client, login_as, world):
    so = login_as("so")
    response = so.post(
        reverse("handover:propose", args=[world.patient_a.id]),
        {
            "to_professional": "P-HA",
            "scope": "alle_mgz",
            "reason": "Stabiel; terug naar de huisarts.",
        },
        follow=True,
    )
    assert "Voorstel tot overdracht verstuurd" in response.text
    transfer = world.patient_a.regie_transfers.get()
    assert AuditEvent.objects.filter(action="change", patient_code=world.patient_a.code).exists()

    client.logout()
    gp = login_as("huisarts")
    page = gp.get(_page(world))
    assert "Accepteren" in page.text
    gp.post(reverse("handover:step", args=[transfer.id, "accepteren"]))
    # The effective date is refused until the conversation is recorded (2.2.4.a).
    refused = gp.post(
        reverse("handover:step", args=[transfer.id, "afronden"]),
        {"effective_date": timezone.localdate().isoformat()},
        follow=True,
    )
    assert "Leg eerst het gesprek" in refused.text
    gp.post(
        reverse("handover:step", args=[transfer.id, "gesprek"]),
        {
            "on": timezone.localdate().isoformat(),
            "with_whom": "cliënt en dochter",
            "outcome": "Akkoord",
        },
    )
    gp.post(
        reverse("handover:step", args=[transfer.id, "afronden"]),
        {"effective_date": timezone.localdate().isoformat()},
    )
    transfer.refresh_from_db()
    assert transfer.status == "afgerond"
    assert services.current_regiebehandelaar(world.patient_a).professional == world.gp
    assert "Huisarts" in gp.get(_page(world)).text


def test_avg_full_mgz_is_refused_on_the_page(login_as, world):
    response = login_as("so").post(
        reverse("handover:propose", args=[world.patient_a.id]),
        {"to_professional": "P-AVG", "scope": "alle_mgz", "reason": "x"},
        follow=True,
    )
    assert "Een AVG neemt nooit alle MGZ over" in response.text
    assert not world.patient_a.regie_transfers.exists()


def test_ion_patient_to_so_shows_the_2_2_6_risk_until_a_fallback_is_recorded(login_as, world):
    # Make the GP regiebehandelaar of patient A (ION at the GP practice) first.
    today = timezone.localdate()
    world.patient_a.care_team.update(end=today - timedelta(days=1))
    world.patient_a.care_team.create(professional=world.gp, role="regiebehandelaar", start=today)
    gp = login_as("huisarts")
    response = gp.post(
        reverse("handover:propose", args=[world.patient_a.id]),
        {"to_professional": "P-SO", "scope": "alle_mgz", "reason": "Complexe zorg"},
        follow=True,
    )
    assert "Risico (2.2.6)" in response.text
    transfer = world.patient_a.regie_transfers.get()
    response = gp.post(
        reverse("handover:step", args=[transfer.id, "terugval"]),
        {"text": "Regionale afspraak: SO-dienst neemt terug bij einde behandeling."},
        follow=True,
    )
    assert "Risico (2.2.6)" not in response.text
    assert "Regionale afspraak" in response.text


def test_only_the_regiebehandelaar_writes_the_handover(client, login_as, world):
    url = reverse("handover:document", args=[world.patient_a.id])
    gp = login_as("huisarts")  # ION relation: may read, may not write
    assert "Alleen de regiebehandelaar" in gp.get(url, follow=True).text
    client.logout()
    so = login_as("so")
    form = so.get(url)
    assert form.status_code == 200
    review = (timezone.localdate() + timedelta(days=90)).isoformat()
    response = so.post(
        url,
        {
            "review_date": review,
            "89666000_decision": "deny",
            "32485007_decision": "deny",
            "32485007_conditions": "tenzij heupfractuur",
            "anders0_text": "Sondevoeding",
            "anders0_decision": "deny",
            "wv0_kind": "NR",
            "bejegeningsadvies": "Rustig benaderen.",
        },
        follow=True,
    )
    assert "versie 1 opgeslagen" in response.text
    summary = services.handover_summary(world.patient_a)
    assert summary["behandelgrenzen"] == [
        "Niet reanimeren",
        "Geen ziekenhuisopname (tenzij heupfractuur)",
        "Geen: Sondevoeding",
    ]
    # The next version starts from the previous one.
    again = so.get(url)
    assert 'value="tenzij heupfractuur"' in again.text
    pdf = so.get(reverse("handover:pdf", args=[world.patient_a.id]))
    assert pdf["Content-Type"] == "application/pdf"
    assert pdf.content.startswith(b"%PDF")


def test_hap_sees_the_handover_on_wie_bel_ik_nu(client, login_as, world):
    services.write_document(
        world.patient_a,
        author=world.so,
        data=services.DocumentInput(
            review_date=timezone.localdate() + timedelta(days=30),
            directives=[services.DirectiveInput("89666000", "deny")],
        ),
    )
    hap = login_as("hap")
    response = hap.get(reverse("web:lookup_result", args=[world.patient_a.id]))
    assert "Niet reanimeren" in response.text
    assert hap.get(reverse("handover:pdf", args=[world.patient_a.id])).status_code == 200


def test_outsider_cannot_open_the_handover_page(login_as, world):
    assert login_as("avg").get(_page(world)).status_code == 404


def test_notification_goes_to_the_account_linked_to_the_physician(world, mailoutbox):
    world.users["huisarts"].email = "jansen@praktijk.example"
    world.users["huisarts"].save()
    services.propose_transfer(
        patient=world.patient_a, to_professional=world.gp, by=world.so, reason="Terug naar HA"
    )
    (message,) = mailoutbox
    assert message.to == ["jansen@praktijk.example"]
    assert world.patient_a.code in message.subject
