"""In a real browser: the SO proposes a transfer, the GP accepts it and the care team changes;
the new regiebehandelaar writes the handover, the HAP sees it on 'Wie bel ik nu?' and in the
PDF (page 1 rendered to PNG in test-results/)."""

from __future__ import annotations

import pypdfium2
from django.urls import reverse
from django.utils import timezone

from tests.browser import conftest as web_browser
from tests.browser.conftest import RESULTS, axe_violations, log_in, screenshot

# The web app's browser fixtures (chromium, live server, shared world), reused here.
browser = web_browser.browser
bworld = web_browser.bworld
new_page = web_browser.new_page
_empty_audit_log_after_test = web_browser._empty_audit_log_after_test


def test_transfer_then_handover_seen_by_the_hap(new_page, bworld):
    patient = bworld.patient_a
    handover_url = reverse("handover:patient", args=[patient.id])
    today = timezone.localdate().isoformat()

    so_page = new_page()
    log_in(so_page, bworld.users["so"])
    so_page.goto(handover_url)
    so_page.get_by_label("Naar arts (zorgverlenerscode of BIG-nummer)").fill("P-HA")
    so_page.get_by_label("Reden").fill("Stabiel; de huisarts is beter toegerust.")
    so_page.get_by_role("button", name="Voorstel versturen").click()
    so_page.get_by_text("Voorstel tot overdracht verstuurd").wait_for()
    assert so_page.get_by_test_id("transfer-status").inner_text() == "Voorgesteld"
    screenshot(so_page, "overdracht-voorgesteld")

    gp_page = new_page()
    log_in(gp_page, bworld.users["huisarts"])
    gp_page.goto(handover_url)
    gp_page.get_by_role("button", name="Accepteren").click()
    gp_page.get_by_label("Datum gesprek").fill(today)
    gp_page.get_by_label("Met wie").fill("cliënt en dochter")
    gp_page.get_by_label("Uitkomst").fill("Akkoord met de overdracht")
    gp_page.get_by_role("button", name="Gesprek vastleggen").click()
    gp_page.get_by_label("Ingangsdatum").fill(today)
    gp_page.get_by_role("button", name="Ingangsdatum vaststellen").click()
    gp_page.get_by_test_id("transfer-status").filter(has_text="Afgerond").wait_for()
    team = gp_page.get_by_test_id("care-team").inner_text()
    assert "Jansen — Regiebehandelaar MGZ" in team
    assert axe_violations(gp_page) == []
    screenshot(gp_page, "overdracht-afgerond")

    # The patient page of the web app shows the new regiebehandelaar too.
    gp_page.goto(reverse("web:patient", args=[patient.id]))
    assert "Jansen (Huisarts)" in gp_page.content()

    gp_page.goto(handover_url)
    gp_page.get_by_role("link", name="Overdracht schrijven").click()
    gp_page.get_by_label("Besluit Reanimatie").select_option("deny")
    gp_page.get_by_label("Besluit Ziekenhuisopname").select_option("deny")
    gp_page.get_by_label("Voorwaarden ziekenhuisopname").fill("tenzij heupfractuur")
    gp_page.get_by_label("Bejegeningsadvies").fill("Rustig benaderen, van voren aanspreken.")
    assert axe_violations(gp_page) == []
    screenshot(gp_page, "overdracht-schrijven")
    gp_page.get_by_role("button", name="Opslaan als nieuwe versie").click()
    gp_page.get_by_text("versie 1 opgeslagen").wait_for()

    hap_page = new_page(mobile=True)
    log_in(hap_page, bworld.users["hap"])
    hap_page.get_by_label("BSN").fill(patient.bsn)
    hap_page.get_by_role("button", name="Zoeken").click()
    hap_page.get_by_text("Niet reanimeren").first.wait_for()
    content = hap_page.content()
    assert "Geen ziekenhuisopname (tenzij heupfractuur)" in content
    assert "Rustig benaderen" in content
    screenshot(hap_page, "hap-wie-bel-ik-nu-met-overdracht")

    pdf = hap_page.request.get(reverse("handover:pdf", args=[patient.id]))
    assert pdf.headers["content-type"] == "application/pdf"
    document = pypdfium2.PdfDocument(pdf.body())
    assert len(document) == 1
    assert "Niet reanimeren" in document[0].get_textpage().get_text_range()
    RESULTS.mkdir(exist_ok=True)
    document[0].render(scale=1.5).to_pil().save(RESULTS / "overdracht-pdf-pagina1.png")
