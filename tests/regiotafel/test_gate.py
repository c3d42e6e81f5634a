"""The opening gate (2.3.3.2.c): no opening with error findings, unless the zorgkantoor says so."""

from __future__ import annotations

import logging

import pytest

from mgz.regiotafel import gate
from mgz.regiotafel.errors import InvalidTransition, NotAllowed, OpeningBlocked
from mgz.regiotafel.models import OpeningException
from mgz.registry.models import Location

BLOCKING = [
    gate.BlockingFinding("2.3.3.2.d", "Geen vaste huisarts voor deze locatie."),
    gate.BlockingFinding("2.1.3.b.2", "Geen SO bereikbaar in de ANW-uren."),
]


@pytest.fixture
def findings(monkeypatch):
    """Stand in for the latest conformance run: a list, or None for 'never evaluated'."""
    state = {"value": list(BLOCKING)}
    monkeypatch.setattr(gate, "latest_findings", lambda location: state["value"])
    return state


def _status(location) -> str:
    return Location.objects.get(pk=location.pk).status


def test_a_location_without_error_findings_opens(world, findings):
    findings["value"] = []
    result = gate.open_location(world.planned, world.provider_user)
    assert result.exception is None
    assert _status(world.planned) == "open"


def test_error_findings_block_the_opening_and_are_listed(world, findings):
    with pytest.raises(OpeningBlocked) as refused:
        gate.open_location(world.planned, world.provider_user)
    assert "2.3.3.2.d: Geen vaste huisarts" in refused.value.message
    assert "2.1.3.b.2" in refused.value.message
    assert refused.value.findings == BLOCKING
    assert _status(world.planned) == "gepland"


def test_no_evaluation_at_all_blocks_too(world, findings):
    findings["value"] = None
    with pytest.raises(OpeningBlocked, match="nog geen toetsing"):
        gate.open_location(world.planned, world.provider_user)


def test_the_zorgkantoor_may_open_with_a_reason_and_it_is_recorded(world, findings, caplog):
    with caplog.at_level(logging.WARNING, logger="mgz.regiotafel.gate"):
        result = gate.open_location(
            world.planned,
            world.coordinator,
            exception_reason="Overbrugging tot 1 juli; SO-dienst gecontracteerd.",
        )
    assert _status(world.planned) == "open"
    exception = OpeningException.objects.get()
    assert result.exception == exception
    assert exception.decided_by == world.coordinator
    assert exception.reason.startswith("Overbrugging")
    assert [f["rule_id"] for f in exception.blocking_findings] == ["2.3.3.2.d", "2.1.3.b.2"]
    assert "openingstoets overruled" in caplog.text


def test_a_provider_cannot_grant_itself_an_exception(world, findings):
    with pytest.raises(NotAllowed, match="zorgkantoor"):
        gate.open_location(
            world.planned, world.provider_user, exception_reason="Wij vinden het goed."
        )
    assert _status(world.planned) == "gepland"
    assert not OpeningException.objects.exists()


def test_a_zorgkantoor_of_another_region_cannot_open_it(world, findings):
    with pytest.raises(NotAllowed):
        gate.open_location(world.planned, world.outsider, exception_reason="x")


def test_an_exception_needs_a_reason(world, findings):
    with pytest.raises(OpeningBlocked):
        gate.open_location(world.planned, world.coordinator, exception_reason="   ")


def test_only_a_planned_location_can_be_opened(world, findings):
    with pytest.raises(InvalidTransition, match="geplande"):
        gate.open_location(world.location, world.coordinator)


def test_without_a_stored_run_the_gate_sees_no_evaluation(world):
    assert gate.latest_findings(world.planned) is None


def test_the_gate_reads_the_latest_stored_conformance_run(world):
    from datetime import date

    from mgz.conformance.models import Finding, Run

    def run(*findings):
        stored = Run.objects.create(horizon_start=date(2026, 3, 2), horizon_days=28)
        for rule_id, severity, status in findings:
            Finding.objects.create(
                run=stored,
                rule_id=rule_id,
                subject_kind="location",
                subject_id=world.planned.pk,
                subject_label="locatie De Linde Nieuwbouw",
                severity=severity,
                status=status,
                message=f"bevinding {rule_id}",
                suggestion="",
            )
        return stored

    run(("2.3.3.2.c", "error", "fail"))
    assert gate.latest_findings(world.planned) == [
        gate.BlockingFinding("2.3.3.2.c", "bevinding 2.3.3.2.c")
    ]
    # a newer run without errors (a warning and a 'niet te beoordelen' do not block) opens it
    run(("2.3.2.1", "warning", "fail"), ("2.5.2", "error", "niet_te_beoordelen"))
    assert gate.latest_findings(world.planned) == []
    gate.open_location(world.planned, world.provider_user)
    assert _status(world.planned) == "open"
