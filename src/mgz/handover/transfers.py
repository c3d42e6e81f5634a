"""The regiebehandelaarschap transfer: propose, accept or decline, talk with the patient,
and complete on an effective date (2.2.3, 2.2.4.a/b, 2.4.3, 2.4.4; risk 2.2.6).

Both physicians consent: the proposer (either of them) consents by proposing, the other by
accepting. The conversation with the patient and relatives must be recorded before the
effective date can be set (2.2.4.a). Completion changes registry.CareTeamMember in one
transaction: the old regiebehandelaar's period ends the day before the effective date and the
new one's starts on it (the database allows one regiebehandelaar per patient per day).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta

from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from mgz.handover.constants import (
    OPEN_TRANSFER_STATUSES,
    TransferEventKind,
    TransferScope,
    TransferStatus,
)
from mgz.handover.errors import Conflict, DomainWarning, HandoverError, NotAllowed
from mgz.handover.models import RegieTransfer, TransferEvent
from mgz.handover.notify import notify
from mgz.registry.constants import PHYSICIAN_DISCIPLINES, CareTeamRole, Discipline
from mgz.registry.models import CareTeamMember, Patient, Professional

RULE_FALLBACK = "2.2.6"


@dataclass
class TransferResult:
    """A transfer after a step, with the risks the new situation carries."""

    transfer: RegieTransfer
    warnings: list[DomainWarning] = field(default_factory=list)

    @property
    def rule_ids(self) -> set[str]:
        return {w.rule for w in self.warnings}


def current_regiebehandelaar(patient: Patient, day: date | None = None) -> CareTeamMember | None:
    day = day or timezone.localdate()
    return (
        CareTeamMember.objects.select_related("professional")
        .filter(patient=patient, role=CareTeamRole.REGIEBEHANDELAAR, start__lte=day)
        .filter(Q(end__isnull=True) | Q(end__gte=day))
        .first()
    )


def propose_transfer(
    *,
    patient: Patient,
    to_professional: Professional,
    by: Professional,
    reason: str,
    scope: str = TransferScope.ALLE_MGZ,
    problem: str = "",
    fallback_agreement: str = "",
    user=None,
) -> TransferResult:
    """Propose a transfer; `by` is the current regiebehandelaar or the receiving physician."""
    current = current_regiebehandelaar(patient)
    from_professional = current.professional if current else None
    if to_professional.discipline not in PHYSICIAN_DISCIPLINES:
        raise HandoverError(
            "geen-arts", "Het regiebehandelaarschap MGZ gaat naar een huisarts, SO of AVG."
        )
    if from_professional and from_professional.pk == to_professional.pk:
        raise HandoverError("zelfde-arts", f"{to_professional} is al regiebehandelaar MGZ.")
    if by.pk not in {to_professional.pk, getattr(from_professional, "pk", None)}:
        raise NotAllowed(
            "2.2.3",
            "Alleen de huidige regiebehandelaar of de arts die het overneemt kan een "
            "overdracht voorstellen.",
        )
    if not reason.strip():
        raise HandoverError("reden", "Geef de reden van de overdracht.")
    _check_scope(to_professional, scope, problem)
    if patient.regie_transfers.filter(status__in=OPEN_TRANSFER_STATUSES).exists():
        raise Conflict("open-overdracht", "Voor deze cliënt loopt al een overdracht.")
    now = timezone.now()
    with transaction.atomic():
        transfer = RegieTransfer.objects.create(
            patient=patient,
            from_professional=from_professional,
            to_professional=to_professional,
            proposed_by=by,
            reason=reason.strip(),
            scope=scope,
            problem=problem.strip(),
            fallback_agreement=fallback_agreement.strip(),
            from_agreed_at=now if from_professional and by.pk == from_professional.pk else None,
            to_agreed_at=now if by.pk == to_professional.pk else None,
            # Nobody to hand over from (no regiebehandelaar yet): the taker's word suffices.
            status=TransferStatus.GEACCEPTEERD
            if from_professional is None
            else TransferStatus.VOORGESTELD,
        )
        _event(transfer, TransferEventKind.VOORGESTELD, by, user, reason)
    other = to_professional if by.pk != to_professional.pk else from_professional
    notify(
        [other],
        f"Voorstel overdracht regiebehandelaarschap {patient.code}",
        f"{by} stelt voor het regiebehandelaarschap MGZ voor cliënt {patient.code} over te "
        f"dragen van {from_professional or '(niemand)'} naar {to_professional}.\n"
        f"Reden: {transfer.reason}\nOmvang: {transfer.get_scope_display()}\n"
        "Accepteer of wijs af op het MGZ-platform.",
    )
    return TransferResult(transfer, transfer_risks(transfer))


def _check_scope(to_professional: Professional, scope: str, problem: str) -> None:
    if scope not in TransferScope.values:
        raise HandoverError("omvang", "Kies de omvang: alle MGZ of een afgebakend probleem.")
    if scope == TransferScope.ALLE_MGZ and to_professional.discipline == Discipline.AVG:
        raise HandoverError(
            "2.4.4",
            "Een AVG neemt nooit alle MGZ over; een huisarts blijft beschikbaar. De AVG kan "
            "wel de regie voeren over een afgebakend, beperkingsgebonden probleem (2.4.4).",
        )
    if scope == TransferScope.AFGEBAKEND:
        if to_professional.discipline != Discipline.AVG:
            raise HandoverError(
                "omvang", "Een afgebakend, beperkingsgebonden probleem draagt u over aan een AVG."
            )
        if not problem.strip():
            raise HandoverError("probleem", "Beschrijf het afgebakende probleem.")


def accept_transfer(transfer: RegieTransfer, *, by: Professional, user=None) -> TransferResult:
    """The physician who has not yet consented accepts; both have then agreed (2.2.3)."""
    with transaction.atomic():
        transfer = _locked(transfer)
        _require_status(transfer, TransferStatus.VOORGESTELD)
        party = _awaited_party(transfer, by)
        now = timezone.now()
        if party == "to":
            transfer.to_agreed_at = now
        else:
            transfer.from_agreed_at = now
        transfer.status = TransferStatus.GEACCEPTEERD
        transfer.save(update_fields=["to_agreed_at", "from_agreed_at", "status"])
        _event(transfer, TransferEventKind.GEACCEPTEERD, by, user)
    notify(
        [transfer.proposed_by],
        f"Overdracht regiebehandelaarschap {transfer.patient.code} geaccepteerd",
        f"{by} heeft de overdracht geaccepteerd. Leg het gesprek met cliënt en naasten vast "
        "en stel daarna de ingangsdatum vast.",
    )
    return TransferResult(transfer, transfer_risks(transfer))


def decline_transfer(
    transfer: RegieTransfer, *, by: Professional, reason: str, user=None
) -> TransferResult:
    with transaction.atomic():
        transfer = _locked(transfer)
        _require_status(transfer, TransferStatus.VOORGESTELD)
        _awaited_party(transfer, by)
        if not reason.strip():
            raise HandoverError("reden", "Geef de reden van de afwijzing.")
        transfer.status = TransferStatus.AFGEWEZEN
        transfer.decline_reason = reason.strip()
        transfer.save(update_fields=["status", "decline_reason"])
        _event(transfer, TransferEventKind.AFGEWEZEN, by, user, reason)
    notify(
        [transfer.proposed_by],
        f"Overdracht regiebehandelaarschap {transfer.patient.code} afgewezen",
        f"{by} heeft de overdracht afgewezen. Reden: {transfer.decline_reason}",
    )
    return TransferResult(transfer, [])


def record_conversation(
    transfer: RegieTransfer,
    *,
    by: Professional,
    on: date,
    with_whom: str,
    outcome: str,
    user=None,
) -> TransferResult:
    """Record the conversation with the patient and relatives (2.2.4.a)."""
    with transaction.atomic():
        transfer = _locked(transfer)
        if not transfer.is_open:
            raise Conflict("status", "Deze overdracht is niet meer open.")
        _require_party(transfer, by)
        if not with_whom.strip() or not outcome.strip():
            raise HandoverError(
                "2.2.4.a", "Leg vast met wie het gesprek was en wat de uitkomst is."
            )
        if on > timezone.localdate():
            raise HandoverError("2.2.4.a", "Een gesprek ligt niet in de toekomst.")
        transfer.conversation_date = on
        transfer.conversation_with = with_whom.strip()
        transfer.conversation_outcome = outcome.strip()
        transfer.save(
            update_fields=["conversation_date", "conversation_with", "conversation_outcome"]
        )
        _event(
            transfer,
            TransferEventKind.GESPREK,
            by,
            user,
            f"{on:%d-%m-%Y} met {with_whom}: {outcome}",
        )
    return TransferResult(transfer, transfer_risks(transfer))


def record_fallback_agreement(
    transfer: RegieTransfer, *, by: Professional, text: str, user=None
) -> TransferResult:
    """Record who takes over when the SO/AVG ends treatment, which clears the 2.2.6 risk."""
    with transaction.atomic():
        transfer = _locked(transfer)
        _require_party(transfer, by)
        if not text.strip():
            raise HandoverError("2.2.6", "Beschrijf de terugvalafspraak.")
        transfer.fallback_agreement = text.strip()
        transfer.save(update_fields=["fallback_agreement"])
        _event(transfer, TransferEventKind.TERUGVAL, by, user, text)
    return TransferResult(transfer, transfer_risks(transfer))


def complete_transfer(
    transfer: RegieTransfer, *, by: Professional, effective_date: date, user=None
) -> TransferResult:
    """Set the effective date and change the care team (2.2.4.b), in one transaction."""
    with transaction.atomic():
        transfer = _locked(transfer)
        _require_status(transfer, TransferStatus.GEACCEPTEERD)
        _require_party(transfer, by)
        if not transfer.conversation_recorded:
            raise HandoverError(
                "2.2.4.a",
                "Leg eerst het gesprek met de cliënt en naasten vast; daarna kan de "
                "ingangsdatum worden vastgesteld.",
            )
        if effective_date < transfer.conversation_date:
            raise HandoverError("ingangsdatum", "De ingangsdatum ligt voor het gesprek.")
        if transfer.scope == TransferScope.ALLE_MGZ:
            _move_regie(transfer, effective_date)
        else:
            _add_bounded_cotreatment(transfer, effective_date)
        transfer.status = TransferStatus.AFGEROND
        transfer.effective_date = effective_date
        transfer.completed_at = timezone.now()
        transfer.save(update_fields=["status", "effective_date", "completed_at"])
        _event(
            transfer,
            TransferEventKind.AFGEROND,
            by,
            user,
            f"Ingangsdatum {effective_date:%d-%m-%Y}",
        )
    notify(
        [transfer.from_professional, transfer.to_professional, transfer.patient.coordinator],
        f"Regiebehandelaarschap {transfer.patient.code} overgedragen",
        f"Vanaf {effective_date:%d-%m-%Y} is {transfer.to_professional} "
        f"{'regiebehandelaar MGZ' if transfer.scope == TransferScope.ALLE_MGZ else 'regievoerder voor: ' + transfer.problem} "
        f"voor cliënt {transfer.patient.code}.",
    )
    return TransferResult(transfer, transfer_risks(transfer))


def withdraw_transfer(transfer: RegieTransfer, *, by: Professional, user=None) -> TransferResult:
    with transaction.atomic():
        transfer = _locked(transfer)
        if not transfer.is_open:
            raise Conflict("status", "Deze overdracht is niet meer open.")
        if by.pk != transfer.proposed_by_id:
            raise NotAllowed("2.2.3", "Alleen wie de overdracht voorstelde kan die intrekken.")
        transfer.status = TransferStatus.INGETROKKEN
        transfer.save(update_fields=["status"])
        _event(transfer, TransferEventKind.INGETROKKEN, by, user)
    return TransferResult(transfer, [])


def transfer_risks(transfer: RegieTransfer) -> list[DomainWarning]:
    """The 2.2.6 risk of the situation after the transfer.

    A patient registered with a GP practice (ION) whose regiebehandelaar MGZ becomes a SO or
    AVG falls back on that GP when the SO/AVG ends treatment. The risk is cleared by a
    fallback agreement on the transfer or by a valid regiotafel agreement on clause 2.2.6 for
    the patient's location or region.
    """
    if transfer.scope != TransferScope.ALLE_MGZ or transfer.status in (
        TransferStatus.AFGEWEZEN,
        TransferStatus.INGETROKKEN,
    ):
        return []
    return fallback_risks(
        transfer.patient,
        transfer.to_professional,
        day=transfer.effective_date or timezone.localdate(),
        fallback_agreement=transfer.fallback_agreement,
    )


def fallback_risks(
    patient: Patient,
    regiebehandelaar: Professional | None,
    *,
    day: date,
    fallback_agreement: str = "",
) -> list[DomainWarning]:
    if regiebehandelaar is None or not patient.ion_practice_id:
        return []
    if regiebehandelaar.discipline not in (Discipline.SO, Discipline.AVG):
        return []
    if fallback_agreement.strip() or _regional_fallback_agreement(patient, day):
        return []
    return [
        DomainWarning(
            RULE_FALLBACK,
            f"Risico (2.2.6): {patient} staat op naam bij {patient.ion_practice} en valt terug "
            f"op de huisarts als {regiebehandelaar} de behandeling beëindigt. Leg een "
            "terugvalafspraak vast.",
        )
    ]


def _regional_fallback_agreement(patient: Patient, day: date) -> bool:
    """A valid regiotafel agreement that names clause 2.2.6 for the patient's place."""
    from mgz.regiotafel.queries import patients_covered_by_clause

    covered = patients_covered_by_clause(RULE_FALLBACK, day, region_ids=[patient.region_id])
    return covered.filter(id=patient.id).exists()


def _move_regie(transfer: RegieTransfer, effective_date: date) -> None:
    members = CareTeamMember.objects.select_for_update().filter(
        patient=transfer.patient, role=CareTeamRole.REGIEBEHANDELAAR
    )
    if members.filter(start__gte=effective_date).exists():
        raise Conflict(
            "ingangsdatum",
            "Er is al een regiebehandelaar vanaf die datum of later; kies een latere ingangsdatum.",
        )
    current = members.filter(start__lt=effective_date).filter(
        Q(end__isnull=True) | Q(end__gte=effective_date)
    )
    for member in current:
        member.end = effective_date - timedelta(days=1)
        member.save(update_fields=["end"])
    CareTeamMember.objects.create(
        patient=transfer.patient,
        professional=transfer.to_professional,
        role=CareTeamRole.REGIEBEHANDELAAR,
        start=effective_date,
    )


def _add_bounded_cotreatment(transfer: RegieTransfer, effective_date: date) -> None:
    # The AVG leads a bounded problem as medebehandelaar; the regiebehandelaar stays (2.4.4).
    CareTeamMember.objects.create(
        patient=transfer.patient,
        professional=transfer.to_professional,
        role=CareTeamRole.MEDEBEHANDELAAR,
        start=effective_date,
    )


def _locked(transfer: RegieTransfer) -> RegieTransfer:
    return (
        RegieTransfer.objects.select_for_update(of=("self",))
        .select_related("patient", "from_professional", "to_professional", "proposed_by")
        .get(pk=transfer.pk)
    )


def _require_status(transfer: RegieTransfer, status: str) -> None:
    if transfer.status != status:
        raise Conflict("status", f"Deze overdracht is {transfer.get_status_display().lower()}.")


def _require_party(transfer: RegieTransfer, by: Professional) -> None:
    if by.pk not in {transfer.to_professional_id, transfer.from_professional_id}:
        raise NotAllowed("2.2.3", "Alleen de twee betrokken artsen kunnen deze stap zetten.")


def _awaited_party(transfer: RegieTransfer, by: Professional) -> str:
    """Which side `by` consents for; refuses whoever already agreed or is not involved."""
    if by.pk == transfer.to_professional_id and transfer.to_agreed_at is None:
        return "to"
    if by.pk == transfer.from_professional_id and transfer.from_agreed_at is None:
        return "from"
    raise NotAllowed(
        "2.2.3", "Alleen de andere betrokken arts kan dit voorstel accepteren of afwijzen."
    )


def _event(
    transfer: RegieTransfer, kind: str, by: Professional | None, user=None, note: str = ""
) -> TransferEvent:
    return TransferEvent.objects.create(
        transfer=transfer,
        kind=kind,
        professional=by,
        user=user if getattr(user, "is_authenticated", False) else None,
        note=note.strip(),
    )
