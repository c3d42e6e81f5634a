"""JSON API of the handover workflows (django-ninja), for systems of providers and GP practices.

Mounted on the platform's NinjaAPI (`api.add_router("", handover.api.router)` in mgz/api.py).
Same rules as the pages: need-to-know and audit per read or change, the acting professional is
the one linked to the user, and the services decide.
"""

from __future__ import annotations

from datetime import date

from django.shortcuts import get_object_or_404
from ninja import Router, Schema, Status
from ninja.security import django_auth

from mgz.accounts.api_access import Refused, open_patient
from mgz.audit.constants import Action
from mgz.handover import services
from mgz.handover.access import acting_professional
from mgz.handover.constants import TransferScope
from mgz.handover.errors import HandoverError
from mgz.handover.models import RegieTransfer
from mgz.registry.models import Patient, Professional

router = Router(tags=["overdracht"], auth=django_auth)


class ErrorOut(Schema):
    detail: str
    code: str = ""


class WarningOut(Schema):
    rule: str
    message: str


class TransferOut(Schema):
    id: int
    status: str
    scope: str
    problem: str
    reason: str
    from_professional: str | None
    to_professional: str
    from_agreed: bool
    to_agreed: bool
    conversation_date: date | None
    effective_date: date | None
    warnings: list[WarningOut]


class PatientHandoverOut(Schema):
    patient: str
    regiebehandelaar: str | None
    summary: dict | None
    transfers: list[TransferOut]


class ProposalIn(Schema):
    to_professional: str
    reason: str
    scope: str = TransferScope.ALLE_MGZ
    problem: str = ""
    fallback_agreement: str = ""


class StepIn(Schema):
    reason: str = ""
    on: date | None = None
    with_whom: str = ""
    outcome: str = ""
    text: str = ""
    effective_date: date | None = None


def _transfer_out(transfer: RegieTransfer, warnings=None) -> dict:
    return {
        "id": transfer.id,
        "status": transfer.status,
        "scope": transfer.scope,
        "problem": transfer.problem,
        "reason": transfer.reason,
        "from_professional": transfer.from_professional.code
        if transfer.from_professional
        else None,
        "to_professional": transfer.to_professional.code,
        "from_agreed": transfer.from_agreed_at is not None,
        "to_agreed": transfer.to_agreed_at is not None,
        "conversation_date": transfer.conversation_date,
        "effective_date": transfer.effective_date,
        "warnings": [
            {"rule": w.rule, "message": w.message}
            for w in (warnings if warnings is not None else services.transfer_risks(transfer))
        ],
    }


def _me(request) -> Professional:
    professional = acting_professional(request)
    if professional is None:
        raise Refused(403, "Alleen een arts of gedragskundige met een eigen account kan dit doen.")
    return professional


def _error(refused: Refused):
    return Status(refused.status, {"detail": refused.message})


@router.get(
    "/overdracht/{patient_code}",
    response={200: PatientHandoverOut, 401: ErrorOut, 403: ErrorOut, 404: ErrorOut},
    summary="Regiebehandelaar, overdrachten en patiëntenoverdracht van een cliënt",
)
def patient_handover(request, patient_code: str):
    patient = get_object_or_404(Patient, code=patient_code)
    try:
        open_patient(request, patient)
    except Refused as refused:
        return _error(refused)
    regie = services.current_regiebehandelaar(patient)
    summary = services.handover_summary(patient)
    return {
        "patient": patient.code,
        "regiebehandelaar": regie.professional.code if regie else None,
        "summary": summary,
        "transfers": [_transfer_out(t) for t in patient.regie_transfers.all()],
    }


@router.post(
    "/overdracht/{patient_code}/voorstel",
    response={
        201: TransferOut,
        400: ErrorOut,
        401: ErrorOut,
        403: ErrorOut,
        404: ErrorOut,
        409: ErrorOut,
    },
    summary="Overdracht van het regiebehandelaarschap voorstellen",
)
def propose(request, patient_code: str, body: ProposalIn):
    patient = get_object_or_404(Patient, code=patient_code)
    to = Professional.objects.filter(code=body.to_professional).first()
    try:
        open_patient(request, patient, action=Action.CHANGE)
        me = _me(request)
        if to is None:
            raise Refused(400, f"Zorgverlener {body.to_professional} bestaat niet.")
        result = services.propose_transfer(
            patient=patient,
            to_professional=to,
            by=me,
            reason=body.reason,
            scope=body.scope,
            problem=body.problem,
            fallback_agreement=body.fallback_agreement,
            user=request.user,
        )
    except Refused as refused:
        return _error(refused)
    except HandoverError as error:
        return Status(error.status, {"detail": error.message, "code": error.code})
    return Status(201, _transfer_out(result.transfer, result.warnings))


@router.post(
    "/overdracht/regie/{transfer_id}/{step}",
    response={
        200: TransferOut,
        400: ErrorOut,
        401: ErrorOut,
        403: ErrorOut,
        404: ErrorOut,
        409: ErrorOut,
    },
    summary="Een stap in de overdracht: accepteren, afwijzen, gesprek, terugval, afronden, intrekken",
)
def transfer_step(request, transfer_id: int, step: str, body: StepIn):
    transfer = get_object_or_404(RegieTransfer.objects.select_related("patient"), id=transfer_id)
    try:
        open_patient(request, transfer.patient, action=Action.CHANGE)
        me = _me(request)
        kwargs = {"by": me, "user": request.user}
        if step == "accepteren":
            result = services.accept_transfer(transfer, **kwargs)
        elif step == "afwijzen":
            result = services.decline_transfer(transfer, reason=body.reason, **kwargs)
        elif step == "gesprek":
            if body.on is None:
                raise Refused(400, "Geef de datum van het gesprek ('on').")
            result = services.record_conversation(
                transfer, on=body.on, with_whom=body.with_whom, outcome=body.outcome, **kwargs
            )
        elif step == "terugval":
            result = services.record_fallback_agreement(transfer, text=body.text, **kwargs)
        elif step == "afronden":
            if body.effective_date is None:
                raise Refused(400, "Geef de ingangsdatum ('effective_date').")
            result = services.complete_transfer(
                transfer, effective_date=body.effective_date, **kwargs
            )
        elif step == "intrekken":
            result = services.withdraw_transfer(transfer, **kwargs)
        else:
            raise Refused(404, f"Onbekende stap '{step}'.")
    except Refused as refused:
        return _error(refused)
    except HandoverError as error:
        return Status(error.status, {"detail": error.message, "code": error.code})
    return _transfer_out(result.transfer, result.warnings)
