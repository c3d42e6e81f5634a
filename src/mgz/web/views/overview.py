"""Home, lists of regions and locations, and the region dashboard (aggregates only)."""

from __future__ import annotations

from collections import Counter
from urllib.parse import urlencode

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone

from mgz.accounts import access
from mgz.accounts.constants import Role
from mgz.regiotafel.queries import overdue_for_region
from mgz.registry.models import Location, Region
from mgz.web import charts, reports
from mgz.web.views.common import enforce, is_htmx


@login_required
def home(request: HttpRequest) -> HttpResponse:
    membership = access.membership_of(request.user)
    if membership is None:
        return render(request, "web/no_role.html")
    role = membership.role
    if role == Role.PRIVACY_OFFICER:
        return redirect("web:audit")
    if role == Role.HAP:
        return redirect("web:lookup")
    if role == Role.ARTS:
        return redirect("web:patients")
    if role == Role.AANBIEDER_COORDINATOR:
        return redirect("web:locations")
    regions = list(access.visible_regions(request.user)[:2])
    if len(regions) == 1:
        return redirect("web:dashboard", region_id=regions[0].id)
    return redirect("web:regions")


@login_required
def regions(request: HttpRequest) -> HttpResponse:
    enforce(access.Decision(access.role_of(request.user) != Role.PRIVACY_OFFICER))
    return render(request, "web/regions.html", {"regions": access.visible_regions(request.user)})


@login_required
def locations(request: HttpRequest) -> HttpResponse:
    enforce(access.Decision(access.role_of(request.user) != Role.PRIVACY_OFFICER))
    found = access.visible_locations(request.user).order_by("region__code", "name")
    query = request.GET.get("q", "").strip()
    if query:
        found = found.filter(name__icontains=query)
    page = Paginator(found, 50).get_page(request.GET.get("pagina"))
    return render(request, "web/locations.html", {"page": page, "q": query})


FILTERS = ("regel", "locatie", "organisatie", "moment")


@login_required
def dashboard(request: HttpRequest, region_id: int) -> HttpResponse:
    region = get_object_or_404(Region, id=region_id)
    enforce(access.region_access(request.user, region))
    report = reports.region_report(region)
    context: dict = {
        "region": region,
        "report": report,
        "filters": {},
        # Knelpunten whose deadline passed (3.4) belong on the dashboard too.
        "overdue": list(overdue_for_region(region.id, timezone.localdate())),
    }
    if report is not None:
        context.update(_dashboard_context(request, region, report))
    template = "web/partials/findings.html" if is_htmx(request) else "web/dashboard.html"
    return render(request, template, context)


def _dashboard_context(request: HttpRequest, region: Region, report: reports.RegionReport) -> dict:
    parts = _report_parts(report)
    filters = {key: request.GET.get(key, "") for key in FILTERS}
    shown = _filter(report.findings, filters)
    page = Paginator(shown, 50).get_page(request.GET.get("pagina"))
    return {
        **parts,
        "filters": filters,
        "query": urlencode({k: v for k, v in filters.items() if v}),
        "page": page,
        "shown_count": len(shown),
        "patient_detail": access.sees_patient_detail(request.user),
    }


def _report_parts(report: reports.RegionReport) -> dict:
    """What does not depend on the request: computed once per report (and process)."""
    if "parts" in report.extras:
        return report.extras["parts"]
    counts = Counter(clause.status for clause in report.clauses)
    location_ids = {f.location_id for f in report.findings if f.location_id}
    location_rows = Location.objects.filter(id__in=location_ids).values_list(
        "id", "name", "organisation_id", "organisation__name"
    )
    location_names = {lid: name for lid, name, _, _ in location_rows}
    organisation_names = {oid: oname for _, _, oid, oname in location_rows}
    parts = {
        "counts": {"groen": counts["groen"], "oranje": counts["oranje"], "rood": counts["rood"]},
        "status_bar": charts.status_bar_svg(
            counts["groen"],
            counts["oranje"],
            counts["rood"],
            title=(
                f"{counts['groen']} artikelen in orde, {counts['oranje']} let op, "
                f"{counts['rood']} met tekort"
            ),
        ),
        "heatmap": charts.heatmap_svg(
            reports.heatmap(report.findings, location_names),
            title="Onbedekte uren per uur van de week (kolommen) en locatie (rijen); donkerder is meer.",
        ),
        "trend": charts.trend_svg(
            report.trend, title="Aantal tekortkomingen per toetsing, van oud naar nieuw."
        ),
        "rule_choices": sorted({c.rule_id for c in report.clauses}),
        "location_choices": sorted(location_names.items(), key=lambda item: item[1]),
        "organisation_choices": sorted(organisation_names.items(), key=lambda item: item[1]),
        "location_names": location_names,
    }
    report.extras["parts"] = parts
    return parts


def _filter(findings: list[reports.FindingRow], filters: dict[str, str]) -> list:
    shown = findings
    if filters["regel"]:
        shown = [f for f in shown if f.rule_id == filters["regel"]]
    if filters["locatie"].isdigit():
        shown = [f for f in shown if f.location_id == int(filters["locatie"])]
    if filters["organisatie"].isdigit():
        shown = [f for f in shown if f.organisation_id == int(filters["organisatie"])]
    if filters["moment"] == "anw":
        shown = [f for f in shown if f.in_anw]
    elif filters["moment"] == "dag":
        shown = [f for f in shown if f.in_day]
    return shown
