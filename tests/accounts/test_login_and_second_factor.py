"""Login with a password, then a TOTP code; throttling; password change; logout."""

from __future__ import annotations

import re

import pytest
from django.urls import reverse
from django_otp.plugins.otp_totp.models import TOTPDevice

from mgz.accounts.totp import code_from_secret, current_code
from tests.factories import TEST_PASSWORD, user


def _login(client, username: str, password: str = TEST_PASSWORD):
    return client.post(reverse("accounts:login"), {"username": username, "password": password})


def test_a_patient_data_role_is_asked_for_its_totp_code_after_the_password(client, world):
    response = _login(client, "hap")
    assert response.status_code == 302
    # Home is the HAP's start page; the second-factor middleware sends it to the code page.
    follow = client.get(reverse("web:lookup"))
    assert follow["Location"].startswith(reverse("accounts:otp_verify"))
    device = TOTPDevice.objects.get(user=world.users["hap"])
    response = client.post(reverse("accounts:otp_verify"), {"code": current_code(device)})
    assert response.status_code == 302
    assert client.get(reverse("web:lookup")).status_code == 200


def test_a_wrong_totp_code_is_refused(client, world):
    _login(client, "hap")
    response = client.post(reverse("accounts:otp_verify"), {"code": "000000"})
    assert response.status_code == 200
    assert "Deze code klopt niet" in response.content.decode()
    assert client.get(reverse("web:lookup")).status_code == 302


def test_setting_up_totp_shows_a_local_qr_code_and_confirms_with_a_code(client, db):
    user("nieuw", role="privacy_officer", otp=False)
    _login(client, "nieuw")
    assert client.get(reverse("web:audit"))["Location"].startswith(reverse("accounts:otp_verify"))
    page = client.get(reverse("accounts:otp_setup")).content.decode()
    assert "<svg" in page and "http" not in page.split("<svg", 1)[1].split("</svg>")[0].replace(
        "http://www.w3.org/2000/svg", ""
    )
    secret = re.search(r'data-testid="totp-secret">([A-Z2-7]+)<', page).group(1)
    response = client.post(reverse("accounts:otp_setup"), {"code": code_from_secret(secret)})
    assert response.status_code == 302
    assert TOTPDevice.objects.get(user__username="nieuw").confirmed
    assert client.get(reverse("web:audit")).status_code == 200


def test_aggregate_roles_log_in_with_a_password_only(client, world):
    _login(client, "regio")
    assert client.get(reverse("web:dashboard", args=[world.region.id])).status_code == 200


def test_five_failed_logins_lock_the_account(client, world):
    for _ in range(5):
        _login(client, "regio", "verkeerd-wachtwoord")
    response = _login(client, "regio")
    assert response.status_code in (403, 429)
    assert "geblokkeerd" in response.content.decode()


def test_password_change_and_logout(client, world):
    _login(client, "regio")
    response = client.post(
        reverse("accounts:password_change"),
        {
            "old_password": TEST_PASSWORD,
            "new_password1": "een-nieuw-lang-wachtwoord-42",
            "new_password2": "een-nieuw-lang-wachtwoord-42",
        },
    )
    assert response.status_code == 302
    client.post(reverse("accounts:logout"))
    assert client.get(reverse("web:home")).status_code == 302
    assert _login(client, "regio", "een-nieuw-lang-wachtwoord-42").status_code == 302


@pytest.mark.parametrize("path", ["/", "/regios/", "/wie-bel-ik-nu/"])
def test_pages_need_a_login(client, db, path):
    assert client.get(path)["Location"].startswith(reverse("accounts:login"))


def test_passwords_are_hashed_with_argon2_outside_tests(settings):
    from mgz.conf import base

    assert base.PASSWORD_HASHERS[0].endswith("Argon2PasswordHasher")
