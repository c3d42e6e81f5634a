"""The privacy officer's page: query the audit log and export it as CSV."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse, StreamingHttpResponse
from django.shortcuts import render
from django.utils import timezone

from mgz.accounts import access
from mgz.audit import services
from mgz.audit.constants import Action
from mgz.web.forms import AuditFilterForm
from mgz.web.views.common import enforce


def _events(request: HttpRequest):
    form = AuditFilterForm(request.GET or None)
    filters: dict = {}
    if form.is_valid():
        data = form.cleaned_data
        filters = {
            "username": data["username"],
            "patient_code": data["patient_code"],
            "action": data["action"],
            "flagged": {"ja": True, "nee": False}.get(data["flagged"]),
            "since": data["since"],
            "until": data["until"],
        }
    return form, services.query(**filters)


@login_required
def audit_log(request: HttpRequest) -> HttpResponse:
    enforce(access.can_view_audit(request.user))
    form, events = _events(request)
    page = Paginator(events, 100).get_page(request.GET.get("pagina"))
    query = request.GET.copy()
    query.pop("pagina", None)
    return render(
        request,
        "web/audit.html",
        {
            "form": form,
            "page": page,
            "query": query.urlencode(),
            "flagged_count": services.query(flagged=True).count(),
        },
    )


@login_required
def audit_export(request: HttpRequest) -> HttpResponse:
    enforce(access.can_view_audit(request.user))
    _, events = _events(request)
    services.record(request, None, Action.EXPORT, reason="CSV-export van het auditlog")
    response = StreamingHttpResponse(
        services.csv_lines(events.iterator()), content_type="text/csv; charset=utf-8"
    )
    stamp = timezone.localtime().strftime("%Y%m%d-%H%M")
    response["Content-Disposition"] = f'attachment; filename="auditlog-{stamp}.csv"'
    return response
