"""Every role logs in through the real forms and opens its pages in chromium; the main pages
pass axe-core without serious or critical violations; screenshots go to test-results/."""

from __future__ import annotations

from datetime import datetime

import pytest
import time_machine
from django.urls import reverse

from mgz.core.calendar import TZ
from tests.browser.conftest import axe_violations, log_in, screenshot

# Role -> the pages it opens (by a function of the world), and the heading each must show.
ROLE_PAGES = {
    "regio": [("dashboard", lambda w: reverse("web:dashboard", args=[w.region.id]), "Regio West")],
    "regiotafel": [
        ("locatie", lambda w: reverse("web:location", args=[w.location_a.id]), "De Eik")
    ],
    "aanbieder": [
        ("locaties", lambda w: reverse("web:locations"), "Locaties"),
        ("locatie", lambda w: reverse("web:location", args=[w.location_a.id]), "De Eik"),
        (
            "beschikbaarheid",
            lambda w: reverse("web:availability", args=[w.location_a.id]),
            "Beschikbaarheid wijzigen",
        ),
        ("client", lambda w: reverse("web:patient", args=[w.patient_a.id]), "Anna Aalders"),
    ],
    "huisarts": [("clienten", lambda w: reverse("web:patients"), "Mijn cliënten")],
    "so": [("client", lambda w: reverse("web:patient", args=[w.patient_a.id]), "Anna Aalders")],
    "avg": [("client", lambda w: reverse("web:patient", args=[w.patient_b.id]), "Bram Bos")],
    "hap": [("wie-bel-ik-nu", lambda w: reverse("web:lookup"), "Wie bel ik nu?")],
    "privacy": [("auditlog", lambda w: reverse("web:audit"), "Auditlog")],
    "beheerder": [("regios", lambda w: reverse("web:regions"), "Regio's")],
}
# Pages checked with axe-core (each main page once).
AXE_PAGES = {
    "dashboard",
    "locatie",
    "beschikbaarheid",
    "client",
    "clienten",
    "wie-bel-ik-nu",
    "auditlog",
    "regios",
    "locaties",
}


@pytest.mark.parametrize("role", list(ROLE_PAGES))
def test_each_role_logs_in_and_opens_its_pages(new_page, bworld, role):
    page = new_page()
    log_in(page, bworld.users[role])
    assert "/account/" not in page.url, f"{role} bleef op {page.url}"
    for name, url_of, heading in ROLE_PAGES[role]:
        page.goto(url_of(bworld))
        assert page.get_by_role("heading", level=1).inner_text().startswith(heading)
        screenshot(page, f"{role}-{name}")
        if name in AXE_PAGES:
            assert axe_violations(page) == [], f"{role}: {name}"


def test_login_and_second_factor_pages_are_accessible(new_page, bworld):
    page = new_page()
    page.goto("/account/inloggen/")
    assert axe_violations(page) == []
    screenshot(page, "inloggen")
    from django_otp.plugins.otp_totp.models import TOTPDevice

    TOTPDevice.objects.filter(user=bworld.users["privacy"]).delete()
    log_in(page, bworld.users["privacy"])
    assert "/tweede-factor/instellen/" in page.url
    assert page.locator(".qr svg").count() == 1
    assert axe_violations(page) == []
    screenshot(page, "tweede-factor-instellen")


def test_editing_availability_makes_the_finding_disappear(new_page, bworld):
    page = new_page()
    log_in(page, bworld.users["aanbieder"])
    page.goto(reverse("web:availability", args=[bworld.location_a.id]))
    finding = page.locator('[data-rule="2.1.3.b.2"]')
    assert finding.count() == 1
    screenshot(page, "beschikbaarheid-voor")

    form = page.get_by_test_id("arrangement-ARR-SO-A")
    form.get_by_label("Wijze").select_option("beschikbaar")
    form.get_by_label("Uren").fill("altijd")
    form.get_by_role("button", name="Opslaan").click()

    page.get_by_test_id("saved").wait_for()
    assert "opnieuw getoetst" in page.get_by_test_id("saved").inner_text()
    assert finding.count() == 0
    assert "/beschikbaarheid/" in page.url and page.url.rstrip("/").endswith("beschikbaarheid")
    screenshot(page, "beschikbaarheid-na")


def test_hap_triagist_looks_up_a_patient_at_night_on_a_phone(new_page, bworld):
    night = datetime(2026, 11, 25, 3, 10, tzinfo=TZ)  # a Wednesday, 03:10
    with time_machine.travel(night, tick=True):
        page = new_page(mobile=True)
        log_in(page, bworld.users["hap"])
        assert page.get_by_role("heading", level=1).inner_text() == "Wie bel ik nu?"
        page.get_by_label("BSN").fill("999911120")
        page.get_by_role("button", name="Zoeken").click()
        chain = page.get_by_test_id("call-chain")
        chain.wait_for()
        assert "Smit" in chain.inner_text()  # the SO on call, from the routing service
        call = chain.locator("a.call").first
        assert call.get_attribute("href").startswith("tel:")
        box = call.bounding_box()
        assert box["height"] >= 44 and box["width"] >= 300  # a big tap target on a phone
        assert "Patiëntenoverdracht" in page.content()
        assert axe_violations(page) == []
        screenshot(page, "hap-nacht-wie-bel-ik-nu")


def test_hap_outside_its_area_breaks_the_glass(new_page, bworld):
    page = new_page(mobile=True)
    log_in(page, bworld.users["hap"])
    page.get_by_label("BSN").fill("111222333")
    page.get_by_role("button", name="Zoeken").click()
    page.get_by_label("Reden voor inzage").fill(
        "Telefonische triage, cliënt belt vanaf vakantieadres"
    )
    page.get_by_role("button", name="Inzien met reden").click()
    page.get_by_test_id("call-chain").or_(
        page.get_by_text("Geen bereikbare zorgverlener")
    ).wait_for()
    assert "Inzage met reden" in page.content()
    screenshot(page, "hap-break-the-glass")
    from mgz.audit.models import AuditEvent

    assert AuditEvent.objects.filter(flagged=True, patient_id=bworld.patient_other.id).count() == 2


def test_a_forbidden_page_for_the_wrong_role(new_page, bworld):
    page = new_page()
    log_in(page, bworld.users["regio"])
    response = page.goto(reverse("web:audit"))
    assert response.status == 403
    assert page.get_by_role("heading", level=1).inner_text() == "Geen toegang"
    assert axe_violations(page) == []
    screenshot(page, "verboden-auditlog-als-regio")
    response = page.goto(reverse("web:patient", args=[bworld.patient_a.id]))
    assert response.status == 403
