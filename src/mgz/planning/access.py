"""Who may plan: the regio-coördinator for their own region, and the beheerder for all."""

from __future__ import annotations

from django.db.models import QuerySet

from mgz.accounts import access
from mgz.accounts.access import DENIED_ROLE, NOT_IN_SCOPE, Decision
from mgz.accounts.constants import Role
from mgz.planning.models import PlanningJob
from mgz.registry.models import Region

PLANNER_ROLES = frozenset({Role.REGIO_COORDINATOR, Role.BEHEERDER})


def can_plan(user) -> Decision:
    return Decision(True) if access.role_of(user) in PLANNER_ROLES else DENIED_ROLE


def planning_regions(user) -> QuerySet[Region]:
    if not can_plan(user).allowed:
        return Region.objects.none()
    return access.visible_regions(user)


def job_access(user, job: PlanningJob) -> Decision:
    """A role that cannot plan gets 403; another region's job does not exist for you (404)."""
    decision = can_plan(user)
    if not decision.allowed:
        return decision
    ids = access.region_ids(user)
    return Decision(True) if ids is None or job.region_id in ids else NOT_IN_SCOPE


def visible_jobs(user) -> QuerySet[PlanningJob]:
    return PlanningJob.objects.filter(region__in=planning_regions(user)).select_related(
        "region", "created_by", "decided_by"
    )
