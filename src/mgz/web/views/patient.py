"""Patient pages: only through mgz.web.patients.open_patient (access + audit together)."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_http_methods

from mgz.accounts import access
from mgz.audit.constants import Action
from mgz.audit.services import record_many
from mgz.core.routing import QUESTIONS, URGENCIES
from mgz.registry.models import Patient
from mgz.web import callchain, handover_source, reports
from mgz.web.forms import LookupForm, ReasonForm
from mgz.web.patients import NeedsReason, find_patients, grant_access, open_patient
from mgz.web.views.common import enforce


def _patient(patient_id: int) -> Patient:
    return get_object_or_404(
        Patient.objects.select_related(
            "location",
            "location__organisation",
            "location__hap",
            "region",
            "ion_practice",
            "coordinator",
        ),
        id=patient_id,
    )


def _patient_context(patient: Patient, relation: str) -> dict:
    today = timezone.localdate()
    team = [m for m in patient.care_team.select_related("professional") if m.active_on(today)]
    report = reports.region_report(patient.region)
    findings = (
        [f for f in report.findings if f.subject_kind == "patient" and f.subject_id == patient.id]
        if report
        else []
    )
    return {
        "patient": patient,
        "relation": relation,
        "team": team,
        "regiebehandelaar": next((m for m in team if m.role == "regiebehandelaar"), None),
        "contacts": list(patient.contacts.all()),
        "handover": handover_source.handover_summary(patient),
        "findings": findings,
        "has_run": report is not None,
    }


@login_required
def patient_page(request: HttpRequest, patient_id: int) -> HttpResponse:
    patient = _patient(patient_id)
    try:
        relation = open_patient(request, patient)
    except NeedsReason:
        return redirect(f"{reverse('web:break_glass', args=[patient.id])}")
    return render(request, "web/patient.html", _patient_context(patient, relation))


@login_required
@require_http_methods(["GET", "POST"])
def break_glass(request: HttpRequest, patient_id: int) -> HttpResponse:
    patient = _patient(patient_id)
    decision = access.patient_access(request.user, patient)
    if decision.allowed:
        return redirect("web:patient", patient_id=patient.id)
    if not decision.needs_reason:
        enforce(decision)
    form = ReasonForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        grant_access(request, patient, form.cleaned_data["reason"])
        target = request.POST.get("then")
        if target == "lookup":
            return redirect(f"{reverse('web:lookup_result', args=[patient.id])}")
        return redirect("web:patient", patient_id=patient.id)
    # Before a reason is given only the code is shown, never the name.
    return render(
        request,
        "web/break_glass.html",
        {
            "form": form,
            "patient_id": patient.id,
            "why": decision.why,
            "then": request.POST.get("then") or request.GET.get("then", ""),
        },
    )


@login_required
def patients(request: HttpRequest) -> HttpResponse:
    found = access.visible_patients(request.user).order_by("family_name", "given_name")
    if not access.can_look_up_patients(request.user).allowed:
        enforce(access.DENIED_ROLE)
    page = Paginator(found, 50).get_page(request.GET.get("pagina"))
    record_many(request, page.object_list, Action.VIEW, reason="lijst Mijn cliënten")
    return render(request, "web/patients.html", {"page": page})


@login_required
@require_http_methods(["GET", "POST"])
def lookup(request: HttpRequest) -> HttpResponse:
    enforce(access.can_look_up_patients(request.user))
    form = LookupForm(request.POST or None)
    context: dict = {"form": form, "searched": False}
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        found = find_patients(
            bsn=data["bsn"],
            family_name=data.get("family_name") or "",
            birth_date=data.get("birth_date"),
        )
        context["searched"] = True
        visible, need_reason = [], []
        for patient in found:
            decision = access.patient_access(request.user, patient)
            if decision.allowed:
                visible.append(patient)
            elif decision.needs_reason:
                need_reason.append(patient)
        if len(visible) == 1 and not need_reason:
            return _lookup_result(request, visible[0])
        record_many(request, visible, Action.LOOKUP, reason="zoekresultaat")
        context["visible"] = visible
        context["need_reason"] = need_reason
        context["reason_form"] = ReasonForm()
    return render(request, "web/lookup.html", context)


@login_required
def lookup_result(request: HttpRequest, patient_id: int) -> HttpResponse:
    enforce(access.can_look_up_patients(request.user))
    return _lookup_result(request, _patient(patient_id))


def _lookup_result(request: HttpRequest, patient: Patient) -> HttpResponse:
    try:
        relation = open_patient(request, patient, action=Action.LOOKUP)
    except NeedsReason:
        return redirect(f"{reverse('web:break_glass', args=[patient.id])}")
    question = request.GET.get("vraag", callchain.DEFAULT_QUESTION)
    urgency = request.GET.get("urgentie", callchain.DEFAULT_URGENCY)
    if question not in QUESTIONS:
        question = callchain.DEFAULT_QUESTION
    if urgency not in URGENCIES:
        urgency = callchain.DEFAULT_URGENCY
    chain = callchain.call_chain(request.user, patient, question=question, urgency=urgency)
    context = _patient_context(patient, relation)
    context.update(
        {
            "chain": chain,
            "steps": chain.steps,
            "now": timezone.localtime(),
            "questions": QUESTIONS.items(),
            "urgencies": URGENCIES.items(),
            "question": question,
            "urgency": urgency,
        }
    )
    return render(request, "web/lookup_result.html", context)
