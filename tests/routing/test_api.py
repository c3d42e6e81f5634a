"""GET /api/v1/route on the database: answers, errors, authentication, OpenAPI, freshness."""

from __future__ import annotations

import base64
from datetime import timedelta

import pytest
from django.contrib.auth import get_user_model

from mgz.availability.models import Absence
from mgz.conformance.loader import load_snapshot
from mgz.core.routing import route_reference
from mgz.routing import services
from mgz.routing.naive import route_via_orm
from tests import factories
from tests.conftest import login
from tests.routing.db import load_world
from tests.routing.world import DAY, EVE, VAC

URL = "/api/v1/route"
PASSWORD = "een-lang-wachtwoord"


@pytest.fixture
def rows(db):
    services.reset()
    found = load_world()
    yield found
    services.reset()


@pytest.fixture
def alice(rows):
    """A HAP triagist of the HAP that serves De Linde, with a second factor."""
    from mgz.registry.models import Organisation

    return factories.user("alice", role="hap", organisation=Organisation.objects.get(code="HAPN"))


@pytest.fixture
def client_in(client, alice):
    return login(client, alice)


def ask(client, **params):
    # Patients outside the HAP's area need a reason (break the glass); inside it is ignored.
    query = {
        "question": "somatisch_acuut",
        "urgency": "U3",
        "caller": "verzorgende",
        "reden": "dienst HAP, test",
    }
    query.update(params)
    return client.get(URL, query)


def names(body) -> list[str]:
    return [f"{s['role']}={s['name'] or '!' + s['gap']}" for s in body["steps"]]


def test_a_carer_at_night_gets_the_voorwacht_the_hap_and_the_so(rows, client_in):
    response = ask(client_in, patient="VV-ZONDER", at=EVE.isoformat())
    assert response.status_code == 200, response.content
    body = response.json()
    assert names(body) == [
        "meldpunt=Zorggroep Noord",
        "behandelaar=Huisartsenpost Noord",
        "achterwacht=D. Visser",
    ]
    hap = body["steps"][1]
    assert hap["phone"] == "050-9000003"
    assert hap["valid_from"].startswith("2026-04-21T17:00")
    assert hap["valid_until"].startswith("2026-04-22T08:00")
    assert hap["clauses"] == ["2.1.3.b.1", "2.4.1.c"]
    assert body["kind"] == "anw"
    assert body["handover"]["text"]


def test_the_api_answer_is_the_reference_answer_on_the_loaded_snapshot(rows, client_in):
    snapshot = load_snapshot()
    for patient in ("VV-MET", "GHZ-MET", "PGB", "GGZ"):
        for moment in (DAY, EVE, VAC):
            body = ask(client_in, patient=patient, at=moment.isoformat()).json()
            expected = route_reference(
                snapshot, patient, moment, "somatisch_acuut", "U3", "verzorgende"
            )
            assert [s["name"] for s in body["steps"]] == [s.name for s in expected.steps]
            assert body["gaps"] == list(expected.gaps)


def test_a_gap_is_named_with_the_rule_id_and_never_gets_a_number(rows, client_in):
    body = ask(client_in, patient="GGZ", at=DAY.isoformat(), question="psychisch_gedrag").json()
    meldpunt = body["steps"][0]
    assert meldpunt["gap"] == "2.3.2.3"
    assert meldpunt["name"] is None and meldpunt["phone"] is None
    assert "knelpunt" in meldpunt["explanation"]
    assert body["gaps"] == ["2.3.2.3"]


def test_a_naive_date_is_dutch_time_and_an_unencoded_plus_is_understood(rows, client_in):
    naive = ask(client_in, patient="VV-ZONDER", at="2026-04-21T22:00").json()
    spaced = client_in.get(
        URL + "?patient=VV-ZONDER&at=2026-04-21T22:00+02:00&question=somatisch_acuut"
        "&urgency=U3&caller=verzorgende&reden=test"
    ).json()
    assert naive["at"] == spaced["at"]
    assert naive["at"].startswith("2026-04-21T22:00")


@pytest.mark.parametrize(
    ("params", "status", "fragment"),
    [
        ({"patient": "NIEMAND"}, 404, "niet bekend"),
        ({"patient": "VV-MET", "at": "gisteren"}, 400, "geen geldig tijdstip"),
        ({"patient": "VV-MET", "question": "koorts"}, 400, "onbekende vraag"),
        ({"patient": "VV-MET", "urgency": "U7"}, 400, "onbekende urgentie"),
        ({"patient": "VV-MET", "caller": "buurman"}, 400, "onbekende beller"),
    ],
)
def test_wrong_requests_get_a_clear_dutch_error(rows, client_in, params, status, fragment):
    response = ask(client_in, **params)
    assert response.status_code == status
    assert fragment in response.json()["detail"]


def test_a_missing_parameter_is_refused(rows, client_in):
    response = client_in.get(URL, {"patient": "VV-MET"})
    assert response.status_code == 400
    assert response.json()["detail"] == (
        "Ontbrekende of ongeldige parameter(s): caller, question, urgency."
    )


def test_without_login_the_route_is_refused(rows, client):
    response = ask(client, patient="VV-MET", at=DAY.isoformat())
    assert response.status_code == 401
    assert response.json()["detail"].startswith("Niet aangemeld")


def test_basic_authentication_works_for_scripts_and_need_to_know_still_applies(rows, client):
    # Roles that see patient data need a second factor, so basic authentication (scripts)
    # only serves roles without patient data: they are authenticated, then refused.
    factories.user("carla", role="regio_coordinator", otp=False)
    token = base64.b64encode(f"carla:{factories.TEST_PASSWORD}".encode()).decode()
    query = {"patient": "VV-MET", "question": "palliatief", "urgency": "U4", "caller": "huisarts"}
    response = client.get(URL, query, HTTP_AUTHORIZATION=f"Basic {token}")
    assert response.status_code == 403
    assert "rol" in response.json()["detail"]
    wrong = base64.b64encode(b"carla:fout").decode()
    response = client.get(URL, query, HTTP_AUTHORIZATION=f"Basic {wrong}")
    assert response.status_code == 401


def test_the_openapi_schema_documents_the_route(client):
    schema = client.get("/api/v1/openapi.json").json()
    operation = schema["paths"]["/api/v1/route"]["get"]
    parameters = {p["name"] for p in operation["parameters"]}
    assert parameters == {"patient", "at", "question", "urgency", "caller", "reden"}
    assert {"200", "400", "404"} <= set(operation["responses"])
    assert operation["summary"] == "Wie bel ik nu?"


def test_an_absence_entered_now_changes_the_next_answer(rows, client_in):
    before = ask(client_in, patient="VV-ZONDER", at=DAY.isoformat()).json()
    assert names(before)[1] == "behandelaar=A. Jansen"
    Absence.objects.create(
        professional=rows["professionals"][1],
        kind="ziekte",
        start=DAY - timedelta(hours=2),
        end=DAY + timedelta(hours=4),
        replacement=rows["professionals"][2],
    )
    after = ask(client_in, patient="VV-ZONDER", at=DAY.isoformat()).json()
    assert names(after)[1] == "behandelaar=B. de Vries"
    assert after["steps"][1]["replaces"] == "A. Jansen"


def _another_process_changes_something() -> None:
    from mgz.routing.models import RouteIndexVersion

    RouteIndexVersion.objects.update_or_create(pk=1, defaults={"token": "elders-gewijzigd"})


def test_other_processes_see_a_change_through_the_version_token(rows):
    index = services.get_index()
    _another_process_changes_something()
    assert services.get_index() is index  # the token is read at most once a second
    services._state.checked -= services.CHECK_SECONDS + 1  # a second later
    assert services.get_index() is not index
    assert services.current_token() == "elders-gewijzigd"


def test_a_large_index_is_rebuilt_in_the_background_while_the_old_one_answers(rows, monkeypatch):
    index = services.get_index()
    services._state.build_seconds = 60.0  # as at national scale
    built = []
    monkeypatch.setattr(
        services, "build_index", lambda now=None: built.append(now) or "nieuwe index"
    )
    _another_process_changes_something()
    services._state.checked = 0.0
    assert services.get_index() is index  # no waiting for the rebuild
    services._state.building.join(timeout=10)
    assert built
    services._state.checked = services.time.monotonic()
    assert services.get_index() == "nieuwe index"


def test_the_naive_orm_route_gives_the_same_answers(rows):
    index = services.get_index()
    for patient in ("VV-MET", "VV-ZONDER", "GHZ-MET", "GHZ-MPT", "PGB"):
        for moment in (DAY, EVE, VAC):
            for caller in ("verzorgende", "hap_triagist"):
                args = (patient, moment, "vg_gedrag", "U2", caller)
                assert route_via_orm(*args) == index.route(*args)


def test_every_answer_has_the_documented_shape(rows, client_in):
    from mgz.routing.schemas import RouteOut

    for patient in ("VV-MET", "GHZ-MET", "GGZ", "PGB"):
        for moment in (DAY, EVE):
            body = ask(client_in, patient=patient, at=moment.isoformat(), urgency="U1").json()
            assert RouteOut.model_validate(body).model_dump(mode="json") == body


def test_basic_authentication_is_refused_for_roles_that_need_a_second_factor(rows, client):
    from mgz.accounts.models import Membership

    user = get_user_model().objects.create_user("bob", password=PASSWORD)
    Membership.objects.create(user=user, role="hap")
    token = base64.b64encode(f"bob:{PASSWORD}".encode()).decode()
    response = client.get(
        URL,
        {"patient": "VV-MET", "question": "palliatief", "urgency": "U4", "caller": "huisarts"},
        HTTP_AUTHORIZATION=f"Basic {token}",
    )
    assert response.status_code in (401, 403)


def test_every_answer_is_an_audited_lookup(rows, client_in, alice):
    from mgz.audit.models import AuditEvent

    ask(client_in, patient="VV-MET", at=DAY.isoformat())
    ask(client_in, patient="NIEMAND", at=DAY.isoformat())  # nothing read, nothing logged
    events = list(AuditEvent.objects.filter(username="alice"))
    assert [(e.patient_code, e.action) for e in events] == [("VV-MET", "lookup")]
    assert events[0].path == URL
