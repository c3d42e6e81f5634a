"""Handover pages: the regiebehandelaarschap transfer and the patient handover of one patient.

Each view parses a form, calls one service, and maps domain errors to a message on the page
(the workflow's refusals, such as 2.4.4, are information for the physician, not crashes).
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from mgz.handover import forms, services
from mgz.handover.access import acting_professional, open_for_change, open_for_reading
from mgz.handover.errors import DomainWarning, HandoverError
from mgz.handover.models import HandoverDocument, RegieTransfer
from mgz.handover.pdf import render_pdf
from mgz.registry.models import Patient
from mgz.web.patients import NeedsReason


def _patient(patient_id: int) -> Patient:
    return get_object_or_404(
        Patient.objects.select_related("location", "ion_practice", "region"), id=patient_id
    )


def _break_glass(patient: Patient) -> HttpResponse:
    return redirect(reverse("web:break_glass", args=[patient.id]))


def _warn(request: HttpRequest, warnings: list[DomainWarning]) -> None:
    for warning in warnings:
        messages.warning(request, warning.message)


@login_required
@require_GET
def patient_page(request: HttpRequest, patient_id: int) -> HttpResponse:
    patient = _patient(patient_id)
    try:
        open_for_reading(request, patient)
    except NeedsReason:
        return _break_glass(patient)
    me = acting_professional(request)
    today = timezone.localdate()
    transfers = list(
        patient.regie_transfers.select_related(
            "from_professional", "to_professional", "proposed_by"
        ).prefetch_related("events__professional")
    )
    team = [m for m in patient.care_team.select_related("professional") if m.active_on(today)]
    upcoming = [m for m in patient.care_team.select_related("professional") if m.start > today]
    document = services.latest_document(patient)
    return render(
        request,
        "handover/patient.html",
        {
            "patient": patient,
            "team": team,
            "upcoming": upcoming,
            "transfers": [
                (t, _actions(t, me), services.transfer_risks(t) if t.is_open else [])
                for t in transfers
            ],
            "document": document,
            "summary": services.handover_summary(patient),
            "can_author": me is not None and services.author_role(patient, me) is not None,
            "can_propose": me is not None and not any(t.is_open for t in transfers),
            "proposal_form": forms.ProposalForm(),
            "me": me,
        },
    )


def _actions(transfer: RegieTransfer, me) -> set[str]:
    """Which buttons this professional sees; the services check again on submit."""
    if me is None or not transfer.is_open:
        return set()
    parties = {transfer.to_professional_id, transfer.from_professional_id}
    actions: set[str] = set()
    if transfer.status == "voorgesteld":
        awaiting_to = me.pk == transfer.to_professional_id and transfer.to_agreed_at is None
        awaiting_from = me.pk == transfer.from_professional_id and transfer.from_agreed_at is None
        if awaiting_to or awaiting_from:
            actions |= {"accepteren", "afwijzen"}
        if me.pk == transfer.proposed_by_id:
            actions.add("intrekken")
    if me.pk in parties:
        actions |= {"gesprek", "terugval"}
        if transfer.status == "geaccepteerd":
            actions.add("afronden")
    return actions


@login_required
@require_POST
def propose(request: HttpRequest, patient_id: int) -> HttpResponse:
    patient = _patient(patient_id)
    me = open_for_change(request, patient)
    form = forms.ProposalForm(request.POST)
    if form.is_valid():
        data = form.cleaned_data
        try:
            result = services.propose_transfer(
                patient=patient,
                to_professional=data["to_professional"],
                by=me,
                reason=data["reason"],
                scope=data["scope"],
                problem=data["problem"],
                fallback_agreement=data["fallback_agreement"],
                user=request.user,
            )
        except HandoverError as error:
            messages.error(request, error.message)
        else:
            messages.success(request, "Voorstel tot overdracht verstuurd.")
            _warn(request, result.warnings)
    else:
        for errors in form.errors.values():
            for error in errors:
                messages.error(request, error)
    return redirect("handover:patient", patient_id=patient.id)


STEP_FORMS = {
    "afwijzen": forms.DeclineForm,
    "gesprek": forms.ConversationForm,
    "terugval": forms.FallbackForm,
    "afronden": forms.CompleteForm,
}


@login_required
@require_POST
def transfer_step(request: HttpRequest, transfer_id: int, step: str) -> HttpResponse:
    transfer = get_object_or_404(RegieTransfer.objects.select_related("patient"), id=transfer_id)
    me = open_for_change(request, transfer.patient)
    form = STEP_FORMS[step](request.POST) if step in STEP_FORMS else None
    if form is not None and not form.is_valid():
        for errors in form.errors.values():
            for error in errors:
                messages.error(request, error)
        return redirect("handover:patient", patient_id=transfer.patient_id)
    data = form.cleaned_data if form is not None else {}
    steps = {
        "accepteren": lambda: services.accept_transfer(transfer, by=me, user=request.user),
        "afwijzen": lambda: services.decline_transfer(
            transfer, by=me, reason=data["reason"], user=request.user
        ),
        "gesprek": lambda: services.record_conversation(
            transfer,
            by=me,
            on=data["on"],
            with_whom=data["with_whom"],
            outcome=data["outcome"],
            user=request.user,
        ),
        "terugval": lambda: services.record_fallback_agreement(
            transfer, by=me, text=data["text"], user=request.user
        ),
        "afronden": lambda: services.complete_transfer(
            transfer, by=me, effective_date=data["effective_date"], user=request.user
        ),
        "intrekken": lambda: services.withdraw_transfer(transfer, by=me, user=request.user),
    }
    if step not in steps:
        raise Http404("Onbekende stap.")
    try:
        result = steps[step]()
    except HandoverError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, f"Overdracht: {result.transfer.get_status_display().lower()}.")
        _warn(request, result.warnings)
    return redirect("handover:patient", patient_id=transfer.patient_id)


@login_required
@require_http_methods(["GET", "POST"])
def document_form(request: HttpRequest, patient_id: int) -> HttpResponse:
    patient = _patient(patient_id)
    try:
        if request.method == "POST":
            me = open_for_change(request, patient)
        else:
            open_for_reading(request, patient)
            me = acting_professional(request)
    except NeedsReason:
        return _break_glass(patient)
    if me is None or services.author_role(patient, me) is None:
        messages.error(
            request,
            "Alleen de regiebehandelaar MGZ of de gedragskundige van de cliënt schrijft de "
            "patiëntenoverdracht (2.1.3.e).",
        )
        return redirect("handover:patient", patient_id=patient.id)
    previous = services.latest_document(patient)
    form = forms.DocumentForm(request.POST or None, previous=previous)
    if request.method == "POST" and form.is_valid():
        try:
            document = services.write_document(patient, author=me, data=form.to_input())
        except HandoverError as error:
            messages.error(request, error.message)
        else:
            messages.success(request, f"Patiëntenoverdracht versie {document.version} opgeslagen.")
            return redirect("handover:patient", patient_id=patient.id)
    return render(
        request,
        "handover/document_form.html",
        {"patient": patient, "form": form, "previous": previous},
    )


@login_required
@require_GET
def document_pdf(request: HttpRequest, patient_id: int) -> HttpResponse:
    patient = _patient(patient_id)
    try:
        open_for_reading(request, patient)
    except NeedsReason:
        return _break_glass(patient)
    documents = HandoverDocument.objects.filter(patient=patient)
    version = request.GET.get("versie")
    document = (
        get_object_or_404(documents, version=version)
        if version
        else documents.order_by("-version").first()
    )
    if document is None:
        raise Http404("Nog geen patiëntenoverdracht.")
    response = HttpResponse(render_pdf(document), content_type="application/pdf")
    response["Content-Disposition"] = (
        f'inline; filename="overdracht-{patient.code}-v{document.version}.pdf"'
    )
    return response
