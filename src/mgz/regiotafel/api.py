"""Regiotafel API: knelpunten of a table, and moves on the escalation ladder.

Mounted by adding `api.add_router("/regiotafel", regiotafel_router)` in mgz/api.py.
Domain errors map to 400 (invalid input) and 409 (a move the ladder does not allow).
"""

from __future__ import annotations

from datetime import date

from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils import timezone
from ninja import Router, Schema, Status
from ninja.security import django_auth

from mgz.regiotafel import access, ladder, services
from mgz.regiotafel.constants import Action
from mgz.regiotafel.errors import InvalidInput, InvalidTransition, RegiotafelError
from mgz.regiotafel.models import Knelpunt, Regiotafel
from mgz.routing.api import BasicAuth

router = Router(tags=["regiotafel"], auth=[django_auth, BasicAuth()])


class StepOut(Schema):
    number: int
    label: str
    responsible: str | None
    external_body: str
    started_on: date
    deadline: date
    closed_on: date | None
    decision: str
    overdue: bool


class KnelpuntOut(Schema):
    id: int
    title: str
    status: str
    step: int
    clause_ids: list[str]
    finding_refs: list[dict]
    allowed_actions: list[str]
    steps: list[StepOut]


class ActionIn(Schema):
    action: str
    decision: str = ""
    deadline: date | None = None
    external_body: str = ""


class ErrorOut(Schema):
    code: str
    message: str


def _out(knelpunt: Knelpunt, today: date) -> KnelpuntOut:
    return KnelpuntOut(
        id=knelpunt.pk,
        title=knelpunt.title,
        status=knelpunt.status,
        step=knelpunt.step,
        clause_ids=knelpunt.clause_ids,
        finding_refs=knelpunt.finding_refs,
        allowed_actions=ladder.allowed_actions(knelpunt.status, knelpunt.step),
        steps=[
            StepOut(
                number=s.number,
                label=s.get_number_display(),
                responsible=s.responsible.name if s.responsible_id else None,
                external_body=s.external_body,
                started_on=s.started_on,
                deadline=s.deadline,
                closed_on=s.closed_on,
                decision=s.decision,
                overdue=s.is_overdue(today),
            )
            for s in knelpunt.steps.select_related("responsible").order_by("id")
        ],
    )


@router.get("/{table_id}/knelpunten", response=list[KnelpuntOut])
def list_knelpunten(request, table_id: int):
    table = get_object_or_404(Regiotafel, pk=table_id)
    if not access.can_view(request.auth, table):
        raise Http404
    today = timezone.localdate()
    return [_out(k, today) for k in table.knelpunten.all()]


@router.post(
    "/knelpunten/{knelpunt_id}/acties",
    response={200: KnelpuntOut, 400: ErrorOut, 403: ErrorOut, 409: ErrorOut},
)
def act(request, knelpunt_id: int, payload: ActionIn):
    knelpunt = get_object_or_404(Knelpunt.objects.select_related("regiotafel"), pk=knelpunt_id)
    if not access.can_view(request.auth, knelpunt.regiotafel):
        raise Http404
    if not access.can_manage(request.auth, knelpunt.regiotafel):
        return Status(403, ErrorOut(code="niet-toegestaan", message="U mag hier niets vastleggen."))
    try:
        if payload.action == Action.ESCALATE:
            knelpunt = services.escalate(
                knelpunt,
                decision=payload.decision,
                deadline=payload.deadline,
                external_body=payload.external_body,
            )
        elif payload.action == Action.RESOLVE:
            knelpunt = services.resolve(knelpunt, decision=payload.decision)
        elif payload.action == Action.REOPEN:
            knelpunt = services.reopen(knelpunt, reason=payload.decision, deadline=payload.deadline)
        elif payload.action == Action.EXTEND:
            knelpunt = services.extend(knelpunt, deadline=payload.deadline, reason=payload.decision)
        else:
            raise InvalidInput(f"Onbekende actie '{payload.action}'.")
    except InvalidTransition as error:
        return Status(409, ErrorOut(code=error.code, message=error.message))
    except RegiotafelError as error:
        return Status(400, ErrorOut(code=error.code, message=error.message))
    return Status(200, _out(knelpunt, timezone.localdate()))
