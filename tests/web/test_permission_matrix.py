"""Every page × every role: allowed (200/302), forbidden (403), or not found (404) for objects
of another organisation or region. One row per URL; columns are the users of tests/world.py.

Status codes are of the first response (no redirects followed): 302 on a patient page means
"give a reason first" (break the glass); on home it is the role's start page.
"""

from __future__ import annotations

import pytest
from django.urls import reverse

from tests.conftest import login

USERS = [
    "regio",
    "regiotafel",
    "aanbieder",
    "huisarts",
    "so",
    "avg",
    "hap",
    "privacy",
    "beheerder",
    "buitenstaander",
    "zonderrol",
]

# url name, argument (attribute of the world), expected status per user (in USERS order).
MATRIX = [
    ("web:home", None, "302 302 302 302 302 302 302 302 302 302 200"),
    ("web:regions", None, "200 200 200 200 200 200 200 403 200 200 200"),
    ("web:dashboard", "region", "200 200 200 200 200 200 200 403 200 404 403"),
    ("web:dashboard", "other_region", "404 404 404 404 404 404 404 403 200 200 403"),
    ("web:locations", None, "200 200 200 200 200 200 200 403 200 200 200"),
    ("web:location", "location_a", "200 200 200 200 200 200 200 403 200 404 403"),
    ("web:location", "other_location", "404 404 404 404 404 404 404 403 200 200 403"),
    ("web:availability", "location_a", "403 403 200 403 403 403 403 403 200 404 403"),
    ("web:availability", "other_location", "404 404 404 404 404 404 404 403 200 200 403"),
    ("web:patients", None, "403 403 200 200 200 200 200 403 200 200 403"),
    ("web:patient", "patient_a", "403 403 200 200 200 404 200 403 302 404 403"),
    ("web:patient", "patient_b", "403 403 200 404 404 200 302 403 302 404 403"),
    ("web:patient", "patient_other", "403 403 404 404 404 404 302 403 302 200 403"),
    ("web:break_glass", "patient_b", "403 403 302 404 404 302 200 403 200 404 403"),
    ("web:lookup", None, "403 403 200 200 200 200 200 403 200 200 403"),
    ("web:lookup_result", "patient_a", "403 403 200 200 200 404 200 403 302 404 403"),
    ("web:lookup_result", "patient_other", "403 403 404 404 404 404 302 403 302 200 403"),
    ("web:audit", None, "403 403 403 403 403 403 403 200 403 403 403"),
    # The handover pages (mgz.handover) read the patient through the same open_patient.
    ("handover:patient", "patient_a", "403 403 200 200 200 404 200 403 302 404 403"),
    ("handover:patient", "patient_other", "403 403 404 404 404 404 302 403 302 200 403"),
    ("web:audit_export", None, "403 403 403 403 403 403 403 200 403 403 403"),
    ("admin:index", None, "302 302 302 302 302 302 302 302 200 302 302"),
]

CASES = [
    pytest.param(name, arg, user, int(codes.split()[i]), id=f"{name}({arg or ''})-{user}")
    for name, arg, codes in MATRIX
    for i, user in enumerate(USERS)
]


def _url(world, name: str, arg: str | None) -> str:
    return reverse(name, args=[getattr(world, arg).id]) if arg else reverse(name)


@pytest.mark.parametrize(("name", "arg", "user", "expected"), CASES)
def test_page_access_per_role(client, world, name, arg, user, expected):
    login(client, world.users[user])
    response = client.get(_url(world, name, arg))
    assert response.status_code == expected


@pytest.mark.parametrize(("name", "arg"), [(n, a) for n, a, _ in MATRIX])
def test_anonymous_users_are_sent_to_the_login_page(client, world, name, arg):
    response = client.get(_url(world, name, arg))
    assert response.status_code == 302
    assert "/inloggen/" in response["Location"] or response["Location"].startswith("/admin/login/")


@pytest.mark.parametrize(
    "user", ["aanbieder", "huisarts", "so", "avg", "hap", "privacy", "beheerder"]
)
def test_patient_data_roles_must_pass_the_second_factor_first(client, world, user):
    login(client, world.users[user], verified=False)
    response = client.get(reverse("web:lookup"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:otp_verify"))


@pytest.mark.parametrize("user", ["regio", "regiotafel"])
def test_aggregate_roles_work_without_a_second_factor(client, world, user):
    login(client, world.users[user], verified=False)
    assert client.get(reverse("web:dashboard", args=[world.region.id])).status_code == 200


def test_every_web_url_is_in_the_matrix():
    from mgz.web import urls

    names = {f"web:{p.name}" for p in urls.urlpatterns}  # other apps' pages: test_url_sweep.py
    covered = {name for name, _, _ in MATRIX}
    # POST-only endpoints are tested in test_availability.py and test_break_glass.py.
    assert names - covered == {"web:availability_add", "web:availability_save"}
