from __future__ import annotations

import time

import pytest
from django.db import connection

from mgz.planning import jobs, services
from mgz.planning.models import PlanningJob
from mgz.registry.models import Region


@pytest.mark.django_db(transaction=True)
def test_a_background_job_runs_in_its_own_thread_and_reports_done(settings):
    # The thread has its own database connection, so the job row must be committed.
    settings.MGZ_PLANNING_INLINE = False
    region = Region.objects.create(code="R-T", name="Regio T")
    job = services.create_job(
        PlanningJob.Kind.ROSTER,
        region,
        {"start": "2026-06-01", "days": 2, "disciplines": ["SO"], "time_limit": 1},
    )
    thread = jobs.start(job)
    seen = set()
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        job.refresh_from_db()
        seen.add(job.status)
        if job.finished:
            break
        time.sleep(0.05)
    thread.join(timeout=10)
    _wait_for_other_sessions_to_end()
    assert job.status == PlanningJob.Status.DONE, job.messages
    assert job.progress == 100
    # No SO in this region: the roster is empty, the gaps named, the message Dutch.
    assert "Geen SO in de pool" in job.messages
    assert job.result["unfilled"]


def _wait_for_other_sessions_to_end() -> None:
    """PostgreSQL ends a closed session's backend asynchronously; the test database is dropped
    right after the last test, and a lingering backend of the job's thread would block it."""
    if connection.vendor != "postgresql":
        return
    deadline = time.monotonic() + 5
    with connection.cursor() as cursor:
        while time.monotonic() < deadline:
            cursor.execute(
                "SELECT count(*) FROM pg_stat_activity "
                "WHERE datname = current_database() AND pid <> pg_backend_pid()"
            )
            if cursor.fetchone()[0] == 0:
                return
            time.sleep(0.05)
