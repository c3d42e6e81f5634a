"""The API endpoints × every role, with the same need-to-know as the pages.

GET /api/v1/route (mgz.routing) and the FHIR REST API (/fhir/, mgz.exchange.fhir); both decide
through mgz.accounts.api_access.open_patient, as the pages do through mgz.accounts.access.
"""

from __future__ import annotations

import base64

import pytest

from tests.conftest import login
from tests.factories import TEST_PASSWORD

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
# Patient A lives at location A (HAP West), SO regiebehandelaar, ION at the GP practice.
ROUTE_A = "403 403 200 200 200 404 200 403 403 404 403"
FHIR_A = "403 403 200 200 200 404 200 403 403 404 403"
FHIR_OTHER = "403 403 404 404 404 404 403 403 403 200 403"


def _route_url(world, patient) -> str:
    return (
        f"/api/v1/route?patient={patient.code}&question=somatisch_acuut&urgency=U3"
        "&caller=hap_triagist"
    )


def _cases(codes: str):
    return [(user, int(code)) for user, code in zip(USERS, codes.split(), strict=True)]


@pytest.mark.parametrize(("user", "expected"), _cases(ROUTE_A))
def test_route_api_per_role(client, world, user, expected):
    login(client, world.users[user])
    assert client.get(_route_url(world, world.patient_a)).status_code == expected


@pytest.mark.parametrize(("user", "expected"), _cases(FHIR_A))
def test_fhir_patient_read_per_role(client, world, user, expected):
    login(client, world.users[user])
    response = client.get(f"/fhir/Patient/{world.patient_a.code}")
    assert response.status_code == expected


@pytest.mark.parametrize(("user", "expected"), _cases(FHIR_OTHER))
def test_fhir_patient_of_another_organisation_per_role(client, world, user, expected):
    login(client, world.users[user])
    response = client.get(f"/fhir/Patient/{world.patient_other.code}")
    assert response.status_code == expected


def test_api_endpoints_refuse_anonymous_users(client, world):
    assert client.get(_route_url(world, world.patient_a)).status_code == 401
    assert client.get(f"/fhir/Patient/{world.patient_a.code}").status_code == 401


@pytest.mark.parametrize("user", ["hap", "so", "aanbieder", "beheerder"])
def test_api_refuses_a_session_without_the_second_factor(client, world, user):
    login(client, world.users[user], verified=False)
    assert client.get(_route_url(world, world.patient_a)).status_code == 403
    assert client.get(f"/fhir/Patient/{world.patient_a.code}").status_code == 403


@pytest.mark.parametrize("user", ["hap", "so", "beheerder"])
def test_basic_auth_cannot_skip_the_second_factor(client, world, user):
    token = base64.b64encode(f"{user}:{TEST_PASSWORD}".encode()).decode()
    response = client.get(_route_url(world, world.patient_a), HTTP_AUTHORIZATION=f"Basic {token}")
    assert response.status_code == 403
