"""Planning pages: start a job, follow its progress (htmx), accept or discard the result."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from mgz.planning import access, jobs, services
from mgz.planning.forms import AssignForm, RosterForm
from mgz.planning.models import PlanningJob
from mgz.web.views.common import enforce, is_htmx


def _job(request: HttpRequest, pk: int) -> PlanningJob:
    job = get_object_or_404(
        PlanningJob.objects.select_related("region", "created_by", "decided_by"), pk=pk
    )
    enforce(access.job_access(request.user, job))
    return job


@login_required
def index(request: HttpRequest) -> HttpResponse:
    enforce(access.can_plan(request.user))
    jobs.fail_stale()
    regions = access.planning_regions(request.user)
    roster_form = RosterForm(regions=regions, prefix="rooster")
    assign_form = AssignForm(regions=regions, prefix="toewijzing")
    if request.method == "POST":
        kind = request.POST.get("kind")
        if kind == PlanningJob.Kind.ROSTER:
            form = roster_form = RosterForm(request.POST, regions=regions, prefix="rooster")
        else:
            kind = PlanningJob.Kind.ASSIGN
            form = assign_form = AssignForm(request.POST, regions=regions, prefix="toewijzing")
        if form.is_valid():
            job = services.create_job(
                kind, form.cleaned_data["region"], form.parameters(), user=request.user
            )
            jobs.start(job)
            return redirect("planning:job", pk=job.pk)
    return render(
        request,
        "planning/index.html",
        {
            "roster_form": roster_form,
            "assign_form": assign_form,
            "jobs": access.visible_jobs(request.user)[:30],
        },
    )


@login_required
def job_detail(request: HttpRequest, pk: int) -> HttpResponse:
    job = _job(request, pk)
    return render(request, "planning/job.html", {"job": job})


@login_required
def job_progress(request: HttpRequest, pk: int) -> HttpResponse:
    """The polled partial; once the job has finished, htmx reloads the page for the result."""
    job = _job(request, pk)
    response = render(request, "planning/_progress.html", {"job": job})
    if job.finished and is_htmx(request):
        response["HX-Refresh"] = "true"
    return response


@login_required
@require_POST
def job_decide(request: HttpRequest, pk: int, decision: str) -> HttpResponse:
    job = _job(request, pk)
    try:
        if decision == "accepteren":
            written = services.accept(job.pk, user=request.user)
            messages.success(request, f"Geaccepteerd: {written} afspraken vastgelegd.")
        else:
            services.discard(job.pk, user=request.user)
            messages.info(request, "Het resultaat is verworpen.")
    except services.PlanningError as error:
        messages.error(request, str(error))
        return redirect("planning:job", pk=job.pk)
    return redirect("planning:job", pk=job.pk)
