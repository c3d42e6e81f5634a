"""The escalation ladder of stap 4 (3.4): every transition through the services."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from mgz.regiotafel import ladder, services
from mgz.regiotafel.constants import Action, ExternalBody, KnelpuntStatus, Step
from mgz.regiotafel.errors import InvalidInput, InvalidTransition

from .conftest import DAY


@pytest.fixture
def knelpunt(world):
    return services.raise_knelpunt(
        world.table,
        title="Geen SO-consultatie in het weekend",
        description="De Linde krijgt in het weekend geen SO aan de lijn.",
        raised_by=world.practice,
        about_organisation=world.provider,
        clause_ids=["2.1.3.b.2"],
        finding_refs=[{"rule_id": "2.1.3.b.2", "subject_kind": "location", "subject_id": 1}],
        today=DAY,
    )


def test_a_raised_knelpunt_starts_on_rung_one_with_the_party_it_is_about(knelpunt, world):
    step = knelpunt.current_step
    assert (knelpunt.status, knelpunt.step) == (KnelpuntStatus.OPEN, Step.PARTIJEN)
    assert step.responsible == world.provider
    assert step.deadline == DAY + timedelta(days=28)


def test_a_knelpunt_about_nothing_is_refused(world):
    with pytest.raises(InvalidInput, match="partij, een locatie of een artikel"):
        services.raise_knelpunt(
            world.table, title="x", description="y", raised_by=world.practice, today=DAY
        )


def test_escalating_forward_climbs_one_rung_and_closes_the_previous_one(knelpunt, world):
    k = services.escalate(knelpunt, decision="Aanspreken leverde niets op.", today=DAY)
    assert (k.status, k.step) == (KnelpuntStatus.OPEN, Step.REGIOTAFEL)
    first, second = k.steps.order_by("id")
    assert first.closed_on == DAY and first.outcome == Action.ESCALATE
    assert first.decision == "Aanspreken leverde niets op."
    assert second.number == Step.REGIOTAFEL and second.responsible == world.zorgkantoor
    assert second.closed_on is None


def test_escalating_needs_a_decision(knelpunt):
    with pytest.raises(InvalidInput, match="besluit"):
        services.escalate(knelpunt, decision="  ", today=DAY)


def test_rung_four_needs_an_external_body_and_is_the_top(knelpunt):
    k = services.escalate(knelpunt, decision="1→2", today=DAY)
    k = services.escalate(k, decision="2→3", today=DAY)
    with pytest.raises(InvalidInput, match="NZa, IGJ, VWS"):
        services.escalate(k, decision="3→4", today=DAY)
    k = services.escalate(k, decision="3→4", today=DAY, external_body=ExternalBody.NZA)
    assert k.step == Step.EXTERN
    assert k.current_step.external_body == ExternalBody.NZA
    with pytest.raises(InvalidTransition, match="hoogste trede"):
        services.escalate(k, decision="verder", today=DAY, external_body=ExternalBody.VWS)


def test_resolving_closes_the_knelpunt_on_its_rung(knelpunt):
    k = services.resolve(knelpunt, decision="Weekenddienst SO afgesproken.", today=DAY)
    assert (k.status, k.step) == (KnelpuntStatus.OPGELOST, Step.PARTIJEN)
    assert k.current_step.closed_on == DAY
    with pytest.raises(InvalidTransition, match="Opgelost"):
        services.escalate(k, decision="toch", today=DAY)
    with pytest.raises(InvalidTransition):
        services.resolve(k, decision="nog eens", today=DAY)


def test_reopening_a_resolved_knelpunt_gives_the_same_rung_a_fresh_deadline(knelpunt):
    k = services.escalate(knelpunt, decision="1→2", today=DAY)
    k = services.resolve(k, decision="opgelost", today=DAY)
    later = DAY + timedelta(days=60)
    k = services.reopen(k, reason="De afspraak wordt niet nagekomen.", today=later)
    assert (k.status, k.step) == (KnelpuntStatus.OPEN, Step.REGIOTAFEL)
    assert k.current_step.started_on == later
    assert k.current_step.deadline == later + timedelta(days=42)


def test_an_open_knelpunt_cannot_be_reopened(knelpunt):
    with pytest.raises(InvalidTransition, match="Heropenen"):
        services.reopen(knelpunt, reason="x", today=DAY)


def test_deadline_passed_flags_the_knelpunt_once(knelpunt):
    deadline = knelpunt.current_step.deadline
    assert services.mark_overdue(deadline) == []  # the deadline day itself still counts
    assert services.mark_overdue(deadline + timedelta(days=1)) == [knelpunt.pk]
    assert services.mark_overdue(deadline + timedelta(days=2)) == []
    knelpunt.refresh_from_db()
    assert knelpunt.status == KnelpuntStatus.TERMIJN_VERSTREKEN
    assert knelpunt.current_step.overdue_since == deadline + timedelta(days=1)


def test_an_overdue_knelpunt_can_be_escalated_resolved_or_given_a_new_deadline(knelpunt):
    late = knelpunt.current_step.deadline + timedelta(days=1)
    services.mark_overdue(late)
    k = services.extend(
        knelpunt, deadline=late + timedelta(days=14), reason="Gesprek gepland.", today=late
    )
    assert (k.status, k.step) == (KnelpuntStatus.OPEN, Step.PARTIJEN)
    services.mark_overdue(late + timedelta(days=15))
    k.refresh_from_db()
    k = services.escalate(
        k, decision="Termijn opnieuw verstreken.", today=late + timedelta(days=15)
    )
    assert (k.status, k.step) == (KnelpuntStatus.OPEN, Step.REGIOTAFEL)


def test_a_deadline_before_the_start_is_refused(knelpunt):
    with pytest.raises(InvalidInput, match="termijn"):
        services.escalate(knelpunt, decision="x", today=DAY, deadline=DAY - timedelta(days=1))


def test_the_table_lists_every_allowed_action():
    assert ladder.allowed_actions(KnelpuntStatus.OPEN, 1) == [
        Action.ESCALATE,
        Action.RESOLVE,
        Action.EXTEND,
    ]
    assert ladder.allowed_actions(KnelpuntStatus.OPEN, 4) == [Action.RESOLVE, Action.EXTEND]
    assert ladder.allowed_actions(KnelpuntStatus.OPGELOST, 2) == [Action.REOPEN]


def test_finding_refs_must_name_rule_and_subject(world):
    with pytest.raises(InvalidInput, match="bevinding"):
        services.raise_knelpunt(
            world.table,
            title="x",
            description="y",
            raised_by=world.practice,
            clause_ids=["2.5.2"],
            finding_refs=[{"rule_id": "2.5.2"}],
            today=date(2026, 1, 1),
        )
