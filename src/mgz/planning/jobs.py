"""Running a planning job: in a background thread for the web page, inline for CLI and tests.

The thread is per process and not durable: a restart loses a running job (it stays "bezig";
`fail_stale` marks such rows failed). A production deployment would hand `run_job` to a task
queue (Celery, RQ, django-tasks) with the same job row as the only shared state.
"""

from __future__ import annotations

import logging
import threading
import time
import traceback
from datetime import timedelta

from django.conf import settings
from django.db import close_old_connections, connection
from django.utils import timezone

from mgz.planning import services
from mgz.planning.models import PlanningJob

log = logging.getLogger(__name__)
# How often (seconds) a progress report may write the job row.
PROGRESS_INTERVAL = 0.5


def start(job: PlanningJob) -> threading.Thread | None:
    """Run the job in the background, or inline when settings.MGZ_PLANNING_INLINE is true."""
    if getattr(settings, "MGZ_PLANNING_INLINE", False):
        run_job(job.pk)
        return None
    thread = threading.Thread(
        target=_in_thread, args=(job.pk,), name=f"planning-{job.pk}", daemon=True
    )
    thread.start()
    return thread


def _in_thread(job_id: int) -> None:
    close_old_connections()
    try:
        run_job(job_id)
    finally:
        connection.close()


def _set(job_id: int, **fields) -> None:
    PlanningJob.objects.filter(pk=job_id).update(**fields)


def run_job(job_id: int) -> PlanningJob:
    """Solve one queued job; progress follows CP-SAT's improving solutions and the clock."""
    job = PlanningJob.objects.select_related("region").get(pk=job_id)
    if job.status != PlanningJob.Status.QUEUED:
        return job
    _set(job_id, status=PlanningJob.Status.RUNNING, progress=5)
    limit = max(0.1, float(job.parameters.get("time_limit", 10)))
    began = time.perf_counter()
    last = [0.0]
    owner = threading.get_ident()

    def on_solution(seconds: float, objective: int) -> None:
        now = time.perf_counter()
        if now - last[0] < PROGRESS_INTERVAL:
            return
        last[0] = now
        share = min(1.0, (now - began) / limit)
        _set(job_id, progress=10 + round(85 * share))
        if threading.get_ident() != owner:
            # CP-SAT calls back from its own worker thread; Django opened a connection for
            # that thread, which nobody else would ever close.
            connection.close()

    try:
        outcome = services.run(job, on_solution=on_solution)
    except Exception as error:  # a failed job must say why, whatever went wrong
        log.exception("planning job %s failed", job_id)
        detail = str(error) if isinstance(error, services.PlanningError) else repr(error)
        _set(
            job_id,
            status=PlanningJob.Status.FAILED,
            progress=100,
            messages=f"Mislukt: {detail}\n{traceback.format_exc(limit=3)}",
            finished_at=timezone.now(),
        )
    else:
        _set(
            job_id,
            status=PlanningJob.Status.DONE,
            progress=100,
            result=outcome.result,
            messages="\n".join(outcome.messages),
            finished_at=timezone.now(),
        )
    job.refresh_from_db()
    return job


def fail_stale() -> int:
    """Mark jobs left running by a stopped process as failed (their thread is gone)."""
    return PlanningJob.objects.filter(
        status__in=(PlanningJob.Status.QUEUED, PlanningJob.Status.RUNNING),
        created_at__lt=timezone.now() - timedelta(hours=1),
    ).update(status=PlanningJob.Status.FAILED, messages="Afgebroken: het proces is gestopt.")
