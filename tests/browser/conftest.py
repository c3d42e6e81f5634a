"""A real browser (Debian's chromium, driven by Playwright) against pytest-django's live server.

Skipped with a clear reason where chromium is missing, unless MGZ_REQUIRE_BROWSER=1 (CI):
then a missing browser fails the run. Playwright never downloads a browser here.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

CHROMIUM = os.environ.get("MGZ_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
RESULTS = Path(__file__).resolve().parents[2] / "test-results"
AXE = Path(__file__).resolve().parent / "vendor" / "axe.min.js"

# Playwright's sync API runs an event loop in this thread; the ORM calls of the tests are
# still synchronous and safe (the live server has its own thread and connection).
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


def _unavailable(reason: str) -> None:
    if os.environ.get("MGZ_REQUIRE_BROWSER") == "1":
        pytest.fail(f"Browsertests moeten draaien (MGZ_REQUIRE_BROWSER=1), maar: {reason}")
    pytest.skip(f"Browsertests overgeslagen: {reason}")


@pytest.fixture(scope="module")
def browser():
    """One chromium per test module: Playwright's sync API allows one running instance per
    thread, and other apps' browser tests start their own after this module is done."""
    if not Path(CHROMIUM).exists():
        _unavailable(f"{CHROMIUM} ontbreekt (installeer het Debian-pakket 'chromium')")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _unavailable("het Python-pakket playwright ontbreekt")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture(autouse=True)
def _empty_audit_log_after_test(transactional_db):
    """The append-only triggers refuse the flush after a live-server test; empty it first."""
    yield
    from mgz.audit.testing import purge_audit_log_for_tests

    purge_audit_log_for_tests()


@pytest.fixture
def bworld(transactional_db, settings):
    from tests.world import build_world

    # The live server speaks plain http; Secure cookies are tested in tests/web.
    settings.SESSION_COOKIE_SECURE = False
    settings.CSRF_COOKIE_SECURE = False
    return build_world()


@pytest.fixture
def new_page(browser, live_server, request):
    """`new_page(mobile=False)`: a fresh context (own cookies) with axe-core loaded."""
    contexts = []

    def _new(*, mobile: bool = False):
        viewport = {"width": 390, "height": 844} if mobile else {"width": 1280, "height": 900}
        context = browser.new_context(
            base_url=live_server.url,
            viewport=viewport,
            locale="nl-NL",
            timezone_id="Europe/Amsterdam",
            is_mobile=mobile,
            has_touch=mobile,
        )
        context.add_init_script(path=str(AXE))
        context.set_default_timeout(20_000)
        contexts.append(context)
        return context.new_page()

    yield _new
    for context in contexts:
        context.close()


def screenshot(page, name: str) -> Path:
    RESULTS.mkdir(exist_ok=True)
    path = RESULTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    return path


def log_in(page, user, *, password: str | None = None) -> None:
    """Log in through the real form, with the TOTP code when the role needs one."""
    from django_otp.plugins.otp_totp.models import TOTPDevice

    from mgz.accounts.totp import current_code
    from tests.factories import TEST_PASSWORD

    page.goto("/account/inloggen/")
    page.get_by_label("Gebruikersnaam").fill(user.username)
    page.get_by_label("Wachtwoord").fill(password or TEST_PASSWORD)
    page.get_by_role("button", name="Inloggen").click()
    page.wait_for_load_state()
    if page.url.split("?")[0].endswith("/tweede-factor/"):
        device = TOTPDevice.objects.get(user=user, confirmed=True)
        page.get_by_label("Code uit uw authenticator-app").fill(current_code(device))
        page.get_by_role("button", name="Controleren").click()
        page.wait_for_load_state()


def axe_violations(page, *, impacts=("serious", "critical")) -> list[dict]:
    found = page.evaluate(
        """async () => {
            const result = await axe.run(document, {resultTypes: ['violations']});
            return result.violations.map(v => ({
                id: v.id, impact: v.impact, help: v.help,
                targets: v.nodes.slice(0, 3).map(n => n.target.join(' '))
            }));
        }"""
    )
    return [v for v in found if v["impact"] in impacts]
