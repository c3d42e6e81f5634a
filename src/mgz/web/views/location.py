"""The location page and availability editing in its week view (htmx)."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.db.models import Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_POST

from mgz.accounts import access
from mgz.availability.constants import ScopeKind
from mgz.availability.models import Arrangement
from mgz.registry.models import Location
from mgz.web import readiness, reports, weekview
from mgz.web.forms import ArrangementForm, NewArrangementForm
from mgz.web.views.common import enforce, is_htmx


def _location(request: HttpRequest, location_id: int, *, edit: bool = False) -> Location:
    location = get_object_or_404(
        Location.objects.select_related("organisation", "region", "hap"), id=location_id
    )
    enforce(access.location_access(request.user, location, edit=edit))
    return location


def _findings(location: Location, user) -> list[reports.FindingRow]:
    report = reports.region_report(location.region)
    if report is None:
        return []
    rows = [f for f in report.findings if f.location_id == location.id]
    if not access.sees_patient_detail(user):
        rows = [f for f in rows if f.subject_kind != "patient"]
    return rows


def _context(request: HttpRequest, location: Location) -> dict:
    report = reports.region_report(location.region)
    findings = _findings(location, request.user)
    weeks = weekview.week_view(location)
    return {
        "location": location,
        "weeks": weeks,
        "hours": range(24),
        "findings": findings,
        "has_run": report is not None,
        "readiness": readiness.opening_readiness(location, weeks),
        "can_edit": access.location_access(request.user, location, edit=True).allowed,
    }


@login_required
def location_page(request: HttpRequest, location_id: int) -> HttpResponse:
    location = _location(request, location_id)
    return render(request, "web/location.html", _context(request, location))


def _editable(location: Location):
    """Arrangements a provider may change from this page: those naming this location, or all
    locations of its own organisation. Regional arrangements belong to the region."""
    return (
        weekview.arrangements_for_location(location)
        .filter(scope_kind__in=(ScopeKind.LOCATIONS, ScopeKind.ORGANISATION))
        .filter(
            Q(scope_organisation__isnull=True) | Q(scope_organisation_id=location.organisation_id)
        )
    )


@login_required
def availability(request: HttpRequest, location_id: int) -> HttpResponse:
    location = _location(request, location_id, edit=True)
    context = _context(request, location)
    context["forms"] = [
        (arrangement, ArrangementForm(instance=arrangement, prefix=f"a{arrangement.id}"))
        for arrangement in _editable(location)
    ]
    context["new_form"] = NewArrangementForm()
    return render(request, "web/availability.html", context)


@login_required
@require_POST
def availability_save(request: HttpRequest, location_id: int, arrangement_id: int) -> HttpResponse:
    location = _location(request, location_id, edit=True)
    arrangement = get_object_or_404(_editable(location), id=arrangement_id)
    form = ArrangementForm(request.POST, instance=arrangement, prefix=f"a{arrangement.id}")
    if form.is_valid():
        with transaction.atomic():
            arrangement = form.save()
        rechecked = reports.recheck_after_change(location, arrangement)
        return _after_change(request, location, rechecked, "De afspraak is opgeslagen.")
    context = _context(request, location)
    context["form"] = form
    context["arrangement"] = arrangement
    return render(request, "web/partials/arrangement_form.html", context, status=422)


@login_required
@require_POST
def availability_add(request: HttpRequest, location_id: int) -> HttpResponse:
    location = _location(request, location_id, edit=True)
    form = NewArrangementForm(request.POST)
    if not form.is_valid():
        context = _context(request, location)
        context["new_form"] = form
        return render(request, "web/partials/new_arrangement.html", context, status=422)
    data = form.cleaned_data
    with transaction.atomic():
        arrangement = Arrangement.objects.create(
            code=_new_code(location),
            function=data["function"],
            mode=data["mode"],
            professional=data["professional_code"],
            provider_organisation=None if data["professional_code"] else location.organisation,
            scope_kind=ScopeKind.LOCATIONS,
            pattern=data["pattern"],
            valid_from=location.planned_opening or _today(),
            phone=data["phone"],
        )
        arrangement.locations.add(location)
    rechecked = reports.recheck_after_change(location, arrangement)
    return _after_change(request, location, rechecked, "De afspraak is toegevoegd.")


def _new_code(location: Location) -> str:
    """WEB-<location>-<n>, the first number not yet used (codes are stable business keys)."""
    n = Arrangement.objects.filter(code__startswith=f"WEB-{location.code}-").count() + 1
    while Arrangement.objects.filter(code=f"WEB-{location.code}-{n}").exists():
        n += 1
    return f"WEB-{location.code}-{n}"


def _today():
    from django.utils import timezone

    return timezone.localdate()


def _after_change(
    request: HttpRequest, location: Location, rechecked: bool, text: str
) -> HttpResponse:
    context = _context(request, location)
    context["forms"] = [
        (arrangement, ArrangementForm(instance=arrangement, prefix=f"a{arrangement.id}"))
        for arrangement in _editable(location)
    ]
    context["new_form"] = NewArrangementForm()
    context["saved_text"] = text
    context["rechecked"] = rechecked
    if is_htmx(request):
        return render(request, "web/partials/availability_body.html", context)
    messages.success(request, text)
    return render(request, "web/availability.html", context)
