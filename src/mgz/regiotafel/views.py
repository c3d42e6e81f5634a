"""Regiotafel pages: thin views that parse a form, call one service, and show its answer."""

from __future__ import annotations

from datetime import date

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_http_methods, require_POST

from mgz.regiotafel import access, gate, ladder, services
from mgz.regiotafel.constants import Action
from mgz.regiotafel.errors import OpeningBlocked, RegiotafelError
from mgz.regiotafel.forms import AgreementForm, KnelpuntForm, OpeningForm, StepForm
from mgz.regiotafel.models import Agreement, Knelpunt, Regiotafel
from mgz.regiotafel.queries import overdue_steps
from mgz.regiotafel.report.build import build_report
from mgz.regiotafel.report.render import render_html, render_pdf
from mgz.registry.models import Location


def _table(request: HttpRequest, pk: int, *, manage: bool = False) -> Regiotafel:
    table = get_object_or_404(Regiotafel.objects.select_related("region", "subregion"), pk=pk)
    if not access.can_view(request.user, table):
        raise Http404("Niet gevonden.")
    if manage and not access.can_manage(request.user, table):
        raise PermissionDenied("U mag bij deze regiotafel niets vastleggen.")
    return table


@login_required
def index(request: HttpRequest) -> HttpResponse:
    tables = access.visible_regiotafels(request.user).select_related("region", "subregion")
    overdue = overdue_steps(
        today=timezone.localdate(), regiotafel_ids=tables.values_list("id", flat=True)
    )
    return render(request, "regiotafel/index.html", {"tables": tables, "overdue": overdue})


@login_required
def detail(request: HttpRequest, pk: int) -> HttpResponse:
    table = _table(request, pk)
    today = timezone.localdate()
    return render(
        request,
        "regiotafel/detail.html",
        {
            "table": table,
            "today": today,
            "members": table.members.select_related("organisation"),
            "agreements": table.agreements.prefetch_related("parties"),
            "knelpunten": table.knelpunten.select_related("raised_by").prefetch_related("steps"),
            "overdue": overdue_steps(today=today, regiotafel_ids=[table.pk]),
            "can_manage": access.can_manage(request.user, table),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def agreement_new(request: HttpRequest, pk: int) -> HttpResponse:
    table = _table(request, pk, manage=True)
    form = AgreementForm(request.POST or None, request.FILES or None, regiotafel=table)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            agreement = services.create_agreement(
                table,
                title=data["title"],
                kind=data["kind"],
                topics=data["topics"],
                summary=data["summary"],
                parties=data["parties"],
                scope_kind=data["scope_kind"],
                scope_organisations=data["scope_organisations"],
                scope_locations=data["scope_locations"],
                clause_ids=data["clause_ids"],
                valid_from=data["valid_from"],
                valid_to=data["valid_to"],
                review_date=data["review_date"],
                in_contract=data["in_contract"],
                document=data["document"],
                by_user=request.user,
            )
        except RegiotafelError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, f"Afspraak '{agreement.title}' is vastgelegd.")
            return redirect("regiotafel:detail", table.pk)
    return render(request, "regiotafel/agreement_form.html", {"table": table, "form": form})


@login_required
def agreement_document(request: HttpRequest, pk: int) -> FileResponse:
    """Served only to users who may see the table, always as a download of the sniffed type."""
    agreement = get_object_or_404(Agreement, pk=pk)
    _table(request, agreement.regiotafel_id)
    if not agreement.document:
        raise Http404("Geen document.")
    return FileResponse(
        agreement.document.open("rb"),
        as_attachment=True,
        filename=agreement.document_name or agreement.document.name.rsplit("/", 1)[-1],
        content_type=agreement.document_type or "application/octet-stream",
    )


@login_required
@require_http_methods(["GET", "POST"])
def knelpunt_new(request: HttpRequest, pk: int) -> HttpResponse:
    table = _table(request, pk, manage=True)
    form = KnelpuntForm(request.POST or None, regiotafel=table)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            knelpunt = services.raise_knelpunt(
                table,
                title=data["title"],
                description=data["description"],
                raised_by=data["raised_by"],
                about_organisation=data["about_organisation"],
                about_location=data["about_location"],
                clause_ids=data["clause_ids"],
                deadline=data["deadline"],
                by_user=request.user,
            )
        except RegiotafelError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, f"Knelpunt '{knelpunt.title}' is ingediend.")
            return redirect("regiotafel:knelpunt", knelpunt.pk)
    return render(request, "regiotafel/knelpunt_form.html", {"table": table, "form": form})


@login_required
def knelpunt_detail(request: HttpRequest, pk: int) -> HttpResponse:
    knelpunt = get_object_or_404(Knelpunt.objects.select_related("regiotafel"), pk=pk)
    table = _table(request, knelpunt.regiotafel_id)
    return render(
        request,
        "regiotafel/knelpunt.html",
        {
            "table": table,
            "knelpunt": knelpunt,
            "steps": knelpunt.steps.select_related("responsible"),
            "actions": [
                (a, Action(a).label) for a in ladder.allowed_actions(knelpunt.status, knelpunt.step)
            ],
            "form": StepForm(),
            "can_manage": access.can_manage(request.user, table),
            "today": timezone.localdate(),
        },
    )


@login_required
@require_POST
def knelpunt_action(request: HttpRequest, pk: int) -> HttpResponse:
    knelpunt = get_object_or_404(Knelpunt, pk=pk)
    _table(request, knelpunt.regiotafel_id, manage=True)
    form = StepForm(request.POST)
    action = request.POST.get("action", "")
    if not form.is_valid():
        messages.error(request, "Controleer de invoer.")
        return redirect("regiotafel:knelpunt", pk)
    data = form.cleaned_data
    try:
        if action == Action.ESCALATE:
            services.escalate(
                knelpunt,
                decision=data["decision"],
                deadline=data["deadline"],
                external_body=data["external_body"],
            )
        elif action == Action.RESOLVE:
            services.resolve(knelpunt, decision=data["decision"])
        elif action == Action.REOPEN:
            services.reopen(knelpunt, reason=data["decision"], deadline=data["deadline"])
        elif action == Action.EXTEND:
            services.extend(knelpunt, deadline=data["deadline"], reason=data["decision"])
        else:
            raise Http404("Onbekende actie.")
    except RegiotafelError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, f"{Action(action).label}: vastgelegd.")
    return redirect("regiotafel:knelpunt", pk)


def _as_of(request: HttpRequest) -> date:
    try:
        return date.fromisoformat(request.GET.get("peildatum", ""))
    except ValueError:
        return timezone.localdate()


@login_required
def report_html(request: HttpRequest, pk: int) -> HttpResponse:
    table = _table(request, pk)
    return HttpResponse(render_html(build_report(table, as_of=_as_of(request))))


@login_required
def report_pdf(request: HttpRequest, pk: int) -> HttpResponse:
    table = _table(request, pk)
    as_of = _as_of(request)
    response = HttpResponse(
        render_pdf(build_report(table, as_of=as_of)), content_type="application/pdf"
    )
    response["Content-Disposition"] = (
        f'attachment; filename="regiotafelrapport-{table.pk}-{as_of:%Y%m%d}.pdf"'
    )
    return response


@login_required
@require_http_methods(["GET", "POST"])
def location_open(request: HttpRequest, pk: int) -> HttpResponse:
    location = get_object_or_404(Location.objects.select_related("organisation", "region"), pk=pk)
    if not access.can_open_location(request.user, location):
        raise Http404("Niet gevonden.")
    form = OpeningForm(request.POST or None)
    blocking = []
    if request.method == "POST" and form.is_valid():
        try:
            result = gate.open_location(
                location, request.user, exception_reason=form.cleaned_data["exception_reason"]
            )
        except OpeningBlocked as error:
            blocking = error.findings
            form.add_error(None, "De locatie kan niet open: MGZ is nog niet geregeld (2.3.3.2.c).")
        except RegiotafelError as error:
            form.add_error(None, error.message)
        else:
            note = " (met uitzondering van het zorgkantoor)" if result.exception else ""
            messages.success(request, f"{location.name} is geopend{note}.")
            return redirect("regiotafel:index")
    elif request.method == "GET" and location.status == "gepland":
        blocking = gate.blocking_findings(location)
    return render(
        request,
        "regiotafel/location_open.html",
        {"location": location, "form": form, "blocking": blocking},
    )
