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


def _propose(hworld, **kw):
    args = {
        "patient": hworld.patient,
        "to_professional": hworld.so,
        "by": hworld.huisarts,
        "reason": "Complexe problematiek; de SO is beter toegerust.",
        **kw,
    }
    return services.propose_transfer(**args)


def _talk(hworld, transfer, by=None):
    return services.record_conversation(
        transfer,
        by=by or hworld.huisarts,
        on=today(),
        with_whom="cliënt en broer Piet",
        outcome="Akkoord met overdracht naar de SO.",
    )


def test_accepted_transfer_moves_the_regiebehandelaar_on_the_effective_date(hworld):
    transfer = _propose(hworld).transfer
    assert transfer.status == TransferStatus.VOORGESTELD
    assert transfer.from_professional == hworld.huisarts
    assert transfer.from_agreed_at is not None and transfer.to_agreed_at is None

    services.accept_transfer(transfer, by=hworld.so)
    _talk(hworld, transfer)
    effective = today() + timedelta(days=7)
    result = services.complete_transfer(transfer, by=hworld.so, effective_date=effective)

    transfer.refresh_from_db()
    assert transfer.status == TransferStatus.AFGEROND
    assert transfer.effective_date == effective
    old = CareTeamMember.objects.get(patient=hworld.patient, professional=hworld.huisarts)
    new = CareTeamMember.objects.get(patient=hworld.patient, professional=hworld.so)
    assert old.end == effective - timedelta(days=1)
    assert (new.role, new.start, new.end) == ("regiebehandelaar", effective, None)
    assert services.current_regiebehandelaar(hworld.patient, effective).professional == hworld.so
    assert services.current_regiebehandelaar(hworld.patient).professional == hworld.huisarts
    kinds = list(transfer.events.values_list("kind", flat=True))
    assert kinds == [
        TransferEventKind.VOORGESTELD,
        TransferEventKind.GEACCEPTEERD,
        TransferEventKind.GESPREK,
        TransferEventKind.AFGEROND,
    ]
    assert isinstance(result, services.TransferResult)


def test_involved_people_are_notified(hworld):
    mail.outbox.clear()
    transfer = _propose(hworld).transfer
    assert mail.outbox[-1].to == ["bakker@example.org"]
    services.accept_transfer(transfer, by=hworld.so)
    assert mail.outbox[-1].to == ["jansen@example.org"]
    _talk(hworld, transfer)
    services.complete_transfer(transfer, by=hworld.huisarts, effective_date=today())
    assert set(mail.outbox[-1].to) == {"bakker@example.org", "jansen@example.org"}
    assert "overgedragen" in mail.outbox[-1].subject


def test_declined_transfer_leaves_the_care_team_unchanged(hworld):
    transfer = _propose(hworld).transfer
    services.decline_transfer(transfer, by=hworld.so, reason="Geen capaciteit deze maand.")
    transfer.refresh_from_db()
    assert transfer.status == TransferStatus.AFGEWEZEN
    assert transfer.decline_reason == "Geen capaciteit deze maand."
    assert services.current_regiebehandelaar(hworld.patient).professional == hworld.huisarts
    assert not CareTeamMember.objects.filter(professional=hworld.so).exists()
    with pytest.raises(Conflict):
        services.complete_transfer(transfer, by=hworld.so, effective_date=today())


def test_the_proposer_cannot_accept_their_own_proposal(hworld):
    transfer = _propose(hworld).transfer
    with pytest.raises(NotAllowed):
        services.accept_transfer(transfer, by=hworld.huisarts)
    with pytest.raises(NotAllowed):
        services.accept_transfer(transfer, by=hworld.outsider)


def test_the_receiving_physician_may_propose_and_the_current_one_accepts(hworld):
    transfer = _propose(hworld, by=hworld.so).transfer
    assert transfer.to_agreed_at is not None and transfer.from_agreed_at is None
    services.accept_transfer(transfer, by=hworld.huisarts)
    transfer.refresh_from_db()
    assert transfer.status == TransferStatus.GEACCEPTEERD
    assert transfer.from_agreed_at is not None


def test_an_outsider_cannot_propose(hworld):
    with pytest.raises(NotAllowed):
        _propose(hworld, by=hworld.outsider)


def test_missing_conversation_record_blocks_the_effective_date(hworld):
    transfer = _propose(hworld).transfer
    services.accept_transfer(transfer, by=hworld.so)
    with pytest.raises(HandoverError) as error:
        services.complete_transfer(transfer, by=hworld.so, effective_date=today())
    assert error.value.code == "2.2.4.a"
    transfer.refresh_from_db()
    assert transfer.effective_date is None
    assert services.current_regiebehandelaar(hworld.patient).professional == hworld.huisarts


def test_a_conversation_needs_with_whom_and_outcome(hworld):
    transfer = _propose(hworld).transfer
    with pytest.raises(HandoverError):
        services.record_conversation(
            transfer, by=hworld.huisarts, on=today(), with_whom="", outcome=""
        )


def test_avg_never_takes_over_all_mgz(hworld):
    with pytest.raises(HandoverError) as error:
        _propose(hworld, to_professional=hworld.avg, scope=TransferScope.ALLE_MGZ)
    assert error.value.code == "2.4.4"
    assert not hworld.patient.regie_transfers.exists()


def test_avg_may_lead_a_bounded_problem_as_medebehandelaar(hworld):
    transfer = _propose(
        hworld, to_professional=hworld.avg, scope=TransferScope.AFGEBAKEND, problem="Epilepsie"
    ).transfer
    services.accept_transfer(transfer, by=hworld.avg)
    _talk(hworld, transfer)
    services.complete_transfer(transfer, by=hworld.avg, effective_date=today())
    member = CareTeamMember.objects.get(professional=hworld.avg)
    assert member.role == "medebehandelaar"
    assert services.current_regiebehandelaar(hworld.patient).professional == hworld.huisarts


def test_a_bounded_problem_needs_an_avg_and_a_description(hworld):
    with pytest.raises(HandoverError):
        _propose(hworld, scope=TransferScope.AFGEBAKEND, problem="Epilepsie")
    with pytest.raises(HandoverError):
        _propose(hworld, to_professional=hworld.avg, scope=TransferScope.AFGEBAKEND, problem="")


def test_only_one_open_transfer_per_patient(hworld):
    _propose(hworld)
    with pytest.raises(Conflict):
        _propose(hworld, by=hworld.huisarts)


def test_2_2_6_raised_for_ion_patient_moving_to_so_without_fallback(hworld):
    result = _propose(hworld)
    assert result.rule_ids == {"2.2.6"}
    assert "terugval" in result.warnings[0].message


def test_2_2_6_cleared_by_a_fallback_agreement(hworld):
    transfer = _propose(hworld).transfer
    result = services.record_fallback_agreement(
        transfer,
        by=hworld.huisarts,
        text="Bij einde behandeling door de SO neemt de AVG-dienst de regie terug over.",
    )
    assert result.warnings == []
    services.accept_transfer(transfer, by=hworld.so)
    _talk(hworld, transfer)
    done = services.complete_transfer(transfer, by=hworld.so, effective_date=today())
    assert done.warnings == []


def test_2_2_6_cleared_when_the_regie_returns_to_the_gp(hworld):
    transfer = _propose(hworld).transfer
    services.accept_transfer(transfer, by=hworld.so)
    _talk(hworld, transfer)
    done = services.complete_transfer(transfer, by=hworld.so, effective_date=today())
    assert done.rule_ids == {"2.2.6"}
    back = services.propose_transfer(
        patient=hworld.patient,
        to_professional=hworld.huisarts,
        by=hworld.so,
        reason="Stabiel; terug naar de huisarts.",
    )
    assert back.transfer.from_professional == hworld.so
    assert back.warnings == []


def test_2_2_6_not_raised_without_ion(hworld):
    hworld.patient.ion_practice = None
    hworld.patient.save()
    assert _propose(hworld).warnings == []


def test_withdraw_by_the_proposer_only(hworld):
    transfer = _propose(hworld).transfer
    with pytest.raises(NotAllowed):
        services.withdraw_transfer(transfer, by=hworld.so)
    services.withdraw_transfer(transfer, by=hworld.huisarts)
    transfer.refresh_from_db()
    assert transfer.status == TransferStatus.INGETROKKEN
