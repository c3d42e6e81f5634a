"""The regiebehandelaarschap transfer: both physicians consent, the conversation comes first,
the care team changes on the effective date, 2.4.4 refuses and 2.2.6 warns."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone

from mgz.handover import notify, services
from mgz.handover.constants import TransferEventKind, TransferScope, TransferStatus
from mgz.handover.errors import Conflict, HandoverError, NotAllowed
from mgz.registry.models import CareTeamMember


@pytest.fixture(autouse=True)
def mail_addresses(monkeypatch):
    # Accounts link users to professionals; here every professional simply has an address.
    monkeypatch.setattr(
        notify, "recipients_for", lambda p: [f"{p.family_name.lower()}@example.org"] if p else []
    )


def today():
    return timezone.localdate()


def _propose(world, **kw):
    args = {
        "patient": world.patient,
        "to_professional": world.so,
        "by": world.huisarts,
        "reason": "Complexe problematiek; de SO is beter toegerust.",
        **kw,
    }
    return services.propose_transfer(**args)


def _talk(world, transfer, by=None):
    return services.record_conversation(
        transfer,
        by=by or world.huisarts,
        on=today(),
        with_whom="cliënt en broer Piet",
        outcome="Akkoord met overdracht naar de SO.",
    )


def test_accepted_transfer_moves_the_regiebehandelaar_on_the_effective_date(world):
    transfer = _propose(world).transfer
    assert transfer.status == TransferStatus.VOORGESTELD
    assert transfer.from_professional == world.huisarts
    assert transfer.from_agreed_at is not None and transfer.to_agreed_at is None

    services.accept_transfer(transfer, by=world.so)
    _talk(world, transfer)
    effective = today() + timedelta(days=7)
    result = services.complete_transfer(transfer, by=world.so, effective_date=effective)

    transfer.refresh_from_db()
    assert transfer.status == TransferStatus.AFGEROND
    assert transfer.effective_date == effective
    old = CareTeamMember.objects.get(patient=world.patient, professional=world.huisarts)
    new = CareTeamMember.objects.get(patient=world.patient, professional=world.so)
    assert old.end == effective - timedelta(days=1)
    assert (new.role, new.start, new.end) == ("regiebehandelaar", effective, None)
    assert services.current_regiebehandelaar(world.patient, effective).professional == world.so
    assert services.current_regiebehandelaar(world.patient).professional == world.huisarts
    kinds = list(transfer.events.values_list("kind", flat=True))
    assert kinds == [
        TransferEventKind.VOORGESTELD,
        TransferEventKind.GEACCEPTEERD,
        TransferEventKind.GESPREK,
        TransferEventKind.AFGEROND,
    ]
    assert isinstance(result, services.TransferResult)


def test_involved_people_are_notified(world):
    mail.outbox.clear()
    transfer = _propose(world).transfer
    assert mail.outbox[-1].to == ["bakker@example.org"]
    services.accept_transfer(transfer, by=world.so)
    assert mail.outbox[-1].to == ["jansen@example.org"]
    _talk(world, transfer)
    services.complete_transfer(transfer, by=world.huisarts, effective_date=today())
    assert set(mail.outbox[-1].to) == {"bakker@example.org", "jansen@example.org"}
    assert "overgedragen" in mail.outbox[-1].subject


def test_declined_transfer_leaves_the_care_team_unchanged(world):
    transfer = _propose(world).transfer
    services.decline_transfer(transfer, by=world.so, reason="Geen capaciteit deze maand.")
    transfer.refresh_from_db()
    assert transfer.status == TransferStatus.AFGEWEZEN
    assert transfer.decline_reason == "Geen capaciteit deze maand."
    assert services.current_regiebehandelaar(world.patient).professional == world.huisarts
    assert not CareTeamMember.objects.filter(professional=world.so).exists()
    with pytest.raises(Conflict):
        services.complete_transfer(transfer, by=world.so, effective_date=today())


def test_the_proposer_cannot_accept_their_own_proposal(world):
    transfer = _propose(world).transfer
    with pytest.raises(NotAllowed):
        services.accept_transfer(transfer, by=world.huisarts)
    with pytest.raises(NotAllowed):
        services.accept_transfer(transfer, by=world.outsider)


def test_the_receiving_physician_may_propose_and_the_current_one_accepts(world):
    transfer = _propose(world, by=world.so).transfer
    assert transfer.to_agreed_at is not None and transfer.from_agreed_at is None
    services.accept_transfer(transfer, by=world.huisarts)
    transfer.refresh_from_db()
    assert transfer.status == TransferStatus.GEACCEPTEERD
    assert transfer.from_agreed_at is not None


def test_an_outsider_cannot_propose(world):
    with pytest.raises(NotAllowed):
        _propose(world, by=world.outsider)


def test_missing_conversation_record_blocks_the_effective_date(world):
    transfer = _propose(world).transfer
    services.accept_transfer(transfer, by=world.so)
    with pytest.raises(HandoverError) as error:
        services.complete_transfer(transfer, by=world.so, effective_date=today())
    assert error.value.code == "2.2.4.a"
    transfer.refresh_from_db()
    assert transfer.effective_date is None
    assert services.current_regiebehandelaar(world.patient).professional == world.huisarts


def test_a_conversation_needs_with_whom_and_outcome(world):
    transfer = _propose(world).transfer
    with pytest.raises(HandoverError):
        services.record_conversation(
            transfer, by=world.huisarts, on=today(), with_whom="", outcome=""
        )


def test_avg_never_takes_over_all_mgz(world):
    with pytest.raises(HandoverError) as error:
        _propose(world, to_professional=world.avg, scope=TransferScope.ALLE_MGZ)
    assert error.value.code == "2.4.4"
    assert not world.patient.regie_transfers.exists()


def test_avg_may_lead_a_bounded_problem_as_medebehandelaar(world):
    transfer = _propose(
        world, to_professional=world.avg, scope=TransferScope.AFGEBAKEND, problem="Epilepsie"
    ).transfer
    services.accept_transfer(transfer, by=world.avg)
    _talk(world, transfer)
    services.complete_transfer(transfer, by=world.avg, effective_date=today())
    member = CareTeamMember.objects.get(professional=world.avg)
    assert member.role == "medebehandelaar"
    assert services.current_regiebehandelaar(world.patient).professional == world.huisarts


def test_a_bounded_problem_needs_an_avg_and_a_description(world):
    with pytest.raises(HandoverError):
        _propose(world, scope=TransferScope.AFGEBAKEND, problem="Epilepsie")
    with pytest.raises(HandoverError):
        _propose(world, to_professional=world.avg, scope=TransferScope.AFGEBAKEND, problem="")


def test_only_one_open_transfer_per_patient(world):
    _propose(world)
    with pytest.raises(Conflict):
        _propose(world, by=world.huisarts)


def test_2_2_6_raised_for_ion_patient_moving_to_so_without_fallback(world):
    result = _propose(world)
    assert result.rule_ids == {"2.2.6"}
    assert "terugval" in result.warnings[0].message


def test_2_2_6_cleared_by_a_fallback_agreement(world):
    transfer = _propose(world).transfer
    result = services.record_fallback_agreement(
        transfer,
        by=world.huisarts,
        text="Bij einde behandeling door de SO neemt de AVG-dienst de regie terug over.",
    )
    assert result.warnings == []
    services.accept_transfer(transfer, by=world.so)
    _talk(world, transfer)
    done = services.complete_transfer(transfer, by=world.so, effective_date=today())
    assert done.warnings == []


def test_2_2_6_cleared_when_the_regie_returns_to_the_gp(world):
    transfer = _propose(world).transfer
    services.accept_transfer(transfer, by=world.so)
    _talk(world, transfer)
    done = services.complete_transfer(transfer, by=world.so, effective_date=today())
    assert done.rule_ids == {"2.2.6"}
    back = services.propose_transfer(
        patient=world.patient,
        to_professional=world.huisarts,
        by=world.so,
        reason="Stabiel; terug naar de huisarts.",
    )
    assert back.transfer.from_professional == world.so
    assert back.warnings == []


def test_2_2_6_not_raised_without_ion(world):
    world.patient.ion_practice = None
    world.patient.save()
    assert _propose(world).warnings == []


def test_withdraw_by_the_proposer_only(world):
    transfer = _propose(world).transfer
    with pytest.raises(NotAllowed):
        services.withdraw_transfer(transfer, by=world.so)
    services.withdraw_transfer(transfer, by=world.huisarts)
    transfer.refresh_from_db()
    assert transfer.status == TransferStatus.INGETROKKEN
