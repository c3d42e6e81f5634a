"""Security headers, the strict CSP, and no third-party or inline script on any page."""

from __future__ import annotations

import re

from django.urls import reverse


def test_pages_carry_a_strict_csp_and_security_headers(login_as, world):
    client = login_as("regio")
    response = client.get(reverse("web:dashboard", args=[world.region.id]))
    csp = response["Content-Security-Policy"]
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp
    assert "frame-ancestors 'none'" in csp
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"


def test_no_inline_script_style_or_external_asset(login_as, world):
    pages = {
        "regio": [reverse("web:dashboard", args=[world.region.id])],
        "aanbieder": [
            reverse("web:location", args=[world.location_a.id]),
            reverse("web:availability", args=[world.location_a.id]),
            reverse("web:patient", args=[world.patient_a.id]),
        ],
        "hap": [reverse("web:lookup")],
        "privacy": [reverse("web:audit")],
    }
    for username, urls in pages.items():
        client = login_as(username)
        for url in urls:
            html = client.get(url).content.decode()
            for tag in re.findall(r"<script[^>]*>", html):
                assert 'src="/static/' in tag, (url, tag)
            assert "<style" not in html and " style=" not in html, url
            assert not re.search(r'(src|href)="https?://', html), url
            assert not re.search(r"\son[a-z]+=", html), url


def test_secure_cookies_and_hsts_outside_debug():
    from mgz.conf import base

    if not base.DEBUG:
        assert base.SESSION_COOKIE_SECURE and base.CSRF_COOKIE_SECURE
        assert base.SECURE_HSTS_SECONDS >= 31536000
    assert base.SESSION_COOKIE_HTTPONLY and base.CSRF_COOKIE_HTTPONLY


def test_every_response_has_a_request_id(client, db):
    response = client.get(reverse("accounts:login"))
    assert re.fullmatch(r"[0-9a-f]{32}", response["X-Request-ID"])
