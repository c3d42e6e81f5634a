"""The handover JSON API: the same workflow and rules as the pages."""

from __future__ import annotations

import json

from django.utils import timezone


def post(client, url, body):
    return client.post(url, json.dumps(body), content_type="application/json")


def test_transfer_through_the_api(client, login_as, world):
    so = login_as("so")
    base = f"/api/v1/overdracht/{world.patient_a.code}"
    proposed = post(so, f"{base}/voorstel", {"to_professional": "P-HA", "reason": "Terug naar HA"})
    assert proposed.status_code == 201, proposed.content
    transfer = proposed.json()
    assert (transfer["status"], transfer["from_professional"]) == ("voorgesteld", "P-SO")
    client.logout()
    gp = login_as("huisarts")
    step = f"/api/v1/overdracht/regie/{transfer['id']}"
    assert post(gp, f"{step}/accepteren", {}).json()["status"] == "geaccepteerd"
    blocked = post(gp, f"{step}/afronden", {"effective_date": timezone.localdate().isoformat()})
    assert (blocked.status_code, blocked.json()["code"]) == (400, "2.2.4.a")
    today = timezone.localdate().isoformat()
    post(gp, f"{step}/gesprek", {"on": today, "with_whom": "cliënt", "outcome": "akkoord"})
    done = post(gp, f"{step}/afronden", {"effective_date": today})
    assert done.json()["status"] == "afgerond"
    state = gp.get(base).json()
    assert state["regiebehandelaar"] == "P-HA"


def test_avg_full_mgz_refused_with_code(login_as, world):
    response = post(
        login_as("so"),
        f"/api/v1/overdracht/{world.patient_a.code}/voorstel",
        {"to_professional": "P-AVG", "reason": "x"},
    )
    assert (response.status_code, response.json()["code"]) == (400, "2.4.4")


def test_need_to_know_applies(login_as, world):
    response = login_as("avg").get(f"/api/v1/overdracht/{world.patient_a.code}")
    assert response.status_code == 404
