"""In chromium: create an agreement, raise a knelpunt, escalate it twice, generate the report.

The PDF's pages are rendered to PNG in test-results/ (regiotafel-rapport-<n>.png), next to
screenshots of each page, so a person can look at what the regiotafel gets.
"""

from __future__ import annotations

import pypdfium2
import pytest

from mgz.regiotafel.models import Knelpunt
from tests.browser.conftest import (  # noqa: F401  (fixtures used by name)
    RESULTS,
    _empty_audit_log_after_test,
    browser,
    log_in,
    new_page,
    screenshot,
)

from .conftest import build_world
from .test_agreements import PDF


@pytest.fixture
def live_world(transactional_db, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.SESSION_COOKIE_SECURE = False
    settings.CSRF_COOKIE_SECURE = False
    return build_world()


def test_agreement_knelpunt_two_escalations_and_the_report(new_page, live_world, tmp_path):  # noqa: F811
    w = live_world
    page = new_page()
    log_in(page, w.coordinator, password="wachtwoord-123")
    page.goto(f"/regiotafel/{w.table.pk}/")
    assert page.get_by_role("heading", level=1).inner_text() == w.table.name

    page.get_by_role("link", name="Nieuwe afspraak").click()
    page.get_by_label("Titel").fill("Consultatie en MDO met de SO")
    page.get_by_label("Soort afspraak").select_option("medisch_inhoudelijk")
    page.get_by_label("MDO").check()
    page.get_by_label("Consultatie").check()
    page.get_by_label("Partijen").select_option(label=[w.provider.name, w.practice.name])
    page.get_by_label("Geldt voor").select_option("regio")
    page.get_by_label("Artikelen van het convenant").fill("2.1.2, 2.5.2")
    page.get_by_label("Geldig vanaf").fill("2026-01-01")
    page.get_by_label("Herzien op").fill("2026-04-01")
    document = tmp_path / "afspraak.pdf"
    document.write_bytes(PDF)
    page.get_by_label("Document (PDF, DOCX, XLSX of ODT, max. 10 MB)").set_input_files(document)
    screenshot(page, "regiotafel-afspraak-formulier")
    page.get_by_role("button", name="Afspraak vastleggen").click()
    agreements = page.get_by_test_id("agreements")
    assert "Consultatie en MDO met de SO" in agreements.inner_text()
    assert "afspraak.pdf" in agreements.inner_text()

    page.get_by_role("link", name="Knelpunt indienen").click()
    page.get_by_label("Titel").fill("Geen SO bereikbaar in het weekend")
    page.get_by_label("Omschrijving").fill(
        "De huisartsen krijgen in het weekend geen SO te pakken."
    )
    page.get_by_label("Ingediend door").select_option(label=w.practice.name)
    page.get_by_label("Over partij").select_option(label=w.provider.name)
    page.get_by_label("Artikelen van het convenant").fill("2.1.3.b.2")
    page.get_by_role("button", name="Knelpunt indienen").click()
    assert page.get_by_test_id("step").inner_text().startswith("1 – Partijen onderling")

    for decision, expected in (
        ("Partijen kwamen er samen niet uit.", "2 – Regiotafel"),
        (
            "De regiotafel vraagt het zorgkantoor in te grijpen.",
            "3 – Zorgkantoor / zorgverzekeraar",
        ),
    ):
        page.get_by_label("Besluit of reden").fill(decision)
        page.get_by_role("button", name="Escaleren").click()
        assert page.get_by_test_id("step").inner_text() == expected
    screenshot(page, "regiotafel-knelpunt-trede-3")
    knelpunt = Knelpunt.objects.get()
    assert knelpunt.step == 3 and knelpunt.steps.count() == 3

    page.goto(f"/regiotafel/{w.table.pk}/")
    page.get_by_test_id("report-link").click()
    assert page.get_by_role("heading", level=1).inner_text().startswith("Regiotafelrapport")
    assert "Geen SO bereikbaar in het weekend" in page.content()
    screenshot(page, "regiotafel-rapport-html")
    href = page.get_by_test_id("report-pdf").get_attribute("href")
    response = page.request.get(href)
    assert response.ok and response.headers["content-type"] == "application/pdf"
    pdf = response.body()
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "regiotafel-rapport.pdf").write_bytes(pdf)
    pages = pypdfium2.PdfDocument(pdf)
    for index in range(len(pages)):
        image = pages[index].render(scale=1.5).to_pil()
        image.save(RESULTS / f"regiotafel-rapport-{index + 1}.png")
    assert len(pages) >= 2
