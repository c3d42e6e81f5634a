"""Read-only questions about regiotafels, for the conformance rules, the report and the dashboard.

These take plain values and return plain dicts/sets, so the conformance loader can put the
answers into its snapshot without knowing the regiotafel models:

- rule 2.3.3.2.b uses `membership_by_region(day)` (or `membership_by_area` per subregion);
- rule 2.5.2 uses `agreement_topics_by_location(day)`.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from django.db.models import Q, QuerySet

from mgz.regiotafel.constants import (
    REQUIRED_TOPICS,
    ActivityKind,
    ActivitySource,
    KnelpuntStatus,
    ScopeKind,
)
from mgz.regiotafel.models import ActivityCount, Agreement, KnelpuntStep, Member, Regiotafel
from mgz.registry.models import CareTeamMember, Location, Patient, ProfessionalRole


def _active_members(day: date) -> QuerySet[Member]:
    return Member.objects.filter(Q(end__isnull=True) | Q(end__gte=day), start__lte=day)


def membership_by_region(day: date) -> dict[int, set[str]]:
    """Region id → party kinds seated on `day` at the region's table or any of its subregions'.

    A region without a regiotafel is absent from the answer (the rule then reports it).
    """
    result: dict[int, set[str]] = {
        region_id: set() for region_id in Regiotafel.objects.values_list("region_id", flat=True)
    }
    for region_id, kind in _active_members(day).values_list("regiotafel__region_id", "kind"):
        result[region_id].add(kind)
    return result


def membership_by_area(day: date) -> dict[tuple[int, int | None], set[str]]:
    """(region id, subregion id or None) → party kinds seated at that table on `day`."""
    result: dict[tuple[int, int | None], set[str]] = {
        (r, s): set() for r, s in Regiotafel.objects.values_list("region_id", "subregion_id")
    }
    rows = _active_members(day).values_list(
        "regiotafel__region_id", "regiotafel__subregion_id", "kind"
    )
    for region_id, subregion_id, kind in rows:
        result[(region_id, subregion_id)].add(kind)
    return result


def valid_agreements(day: date, *, region_ids: Iterable[int] | None = None) -> QuerySet[Agreement]:
    agreements = Agreement.objects.filter(
        Q(valid_to__isnull=True) | Q(valid_to__gte=day), valid_from__lte=day
    )
    if region_ids is not None:
        agreements = agreements.filter(regiotafel__region_id__in=list(region_ids))
    return agreements


def agreement_locations(
    agreements: QuerySet[Agreement],
) -> dict[int, set[int]]:
    """Agreement id → the location ids it holds for, resolving each scope with a few queries."""
    rows = list(
        agreements.values_list(
            "id",
            "scope_kind",
            "scope_subregion_id",
            "regiotafel__region_id",
            "regiotafel__subregion_id",
        )
    )
    by_agreement: dict[int, set[int]] = {row[0]: set() for row in rows}
    if not rows:
        return by_agreement
    region_ids = {row[3] for row in rows}
    locations = list(
        Location.objects.filter(region_id__in=region_ids).values_list(
            "id", "region_id", "subregion_id", "organisation_id"
        )
    )
    by_region: dict[int, set[int]] = defaultdict(set)
    by_subregion: dict[int, set[int]] = defaultdict(set)
    by_org_region: dict[tuple[int, int], set[int]] = defaultdict(set)
    for loc_id, region_id, subregion_id, org_id in locations:
        by_region[region_id].add(loc_id)
        if subregion_id:
            by_subregion[subregion_id].add(loc_id)
        by_org_region[(org_id, region_id)].add(loc_id)
    ids = list(by_agreement)
    orgs: dict[int, list[int]] = defaultdict(list)
    for agreement_id, org_id in Agreement.scope_organisations.through.objects.filter(
        agreement_id__in=ids
    ).values_list("agreement_id", "organisation_id"):
        orgs[agreement_id].append(org_id)
    locs: dict[int, list[int]] = defaultdict(list)
    for agreement_id, loc_id in Agreement.scope_locations.through.objects.filter(
        agreement_id__in=ids
    ).values_list("agreement_id", "location_id"):
        locs[agreement_id].append(loc_id)
    for agreement_id, scope, scope_subregion, region_id, table_subregion in rows:
        if scope == ScopeKind.REGION:
            # A subregional table speaks for its subregion only.
            covered = by_subregion[table_subregion] if table_subregion else by_region[region_id]
        elif scope == ScopeKind.SUBREGION:
            covered = by_subregion[scope_subregion]
        elif scope == ScopeKind.ORGANISATION:
            covered = set().union(*(by_org_region[(o, region_id)] for o in orgs[agreement_id]))
        else:
            covered = set(locs[agreement_id])
        by_agreement[agreement_id] = set(covered)
    return by_agreement


def patients_covered_by_clause(
    clause_id: str, day: date, *, region_ids: Iterable[int] | None = None
) -> QuerySet[Patient]:
    """Patients for whose place an agreement valid on `day` names `clause_id` (e.g. 2.2.6).

    Scopes resolve as for 2.5.2 (`agreement_locations`); clients at home are covered by a
    region-wide agreement of a table for the whole region.
    """
    ids = [
        agreement_id
        for agreement_id, clauses in valid_agreements(day, region_ids=region_ids).values_list(
            "id", "clause_ids"
        )
        if clause_id in (clauses or ())
    ]
    agreements = Agreement.objects.filter(id__in=ids)
    location_ids = set().union(*agreement_locations(agreements).values())
    home_regions = agreements.filter(
        scope_kind=ScopeKind.REGION, regiotafel__subregion__isnull=True
    ).values_list("regiotafel__region_id", flat=True)
    return Patient.objects.filter(
        Q(location_id__in=location_ids) | Q(location__isnull=True, region_id__in=home_regions)
    )


def agreement_topics_by_location(
    day: date, *, region_ids: Iterable[int] | None = None
) -> dict[int, set[str]]:
    """Location id → the 2.5.2 topics covered by agreements valid on `day`.

    Only locations with at least one valid agreement appear; a location absent from the
    answer has no agreement at all.
    """
    agreements = valid_agreements(day, region_ids=region_ids)
    topics = dict(agreements.values_list("id", "topics"))
    result: dict[int, set[str]] = defaultdict(set)
    for agreement_id, location_ids in agreement_locations(agreements).items():
        for location_id in location_ids:
            result[location_id].update(topics[agreement_id] or ())
    return dict(result)


def missing_topics(covered: set[str]) -> set[str]:
    return set(REQUIRED_TOPICS) - covered


def overdue_steps(
    *, today: date, regiotafel_ids: Iterable[int] | None = None
) -> QuerySet[KnelpuntStep]:
    """Open rungs whose deadline has passed, oldest first: for the dashboard and the mail."""
    steps = KnelpuntStep.objects.filter(
        closed_on__isnull=True,
        deadline__lt=today,
        knelpunt__status__in=(KnelpuntStatus.OPEN, KnelpuntStatus.TERMIJN_VERSTREKEN),
    ).select_related("knelpunt", "knelpunt__regiotafel", "responsible")
    if regiotafel_ids is not None:
        steps = steps.filter(knelpunt__regiotafel_id__in=list(regiotafel_ids))
    return steps.order_by("deadline", "id")


def overdue_for_region(region_id: int, today: date) -> QuerySet[KnelpuntStep]:
    """For the region dashboard: overdue rungs of every table in the region (and subregions).

    Render with `{% include "regiotafel/_overdue.html" with overdue=… %}`.
    """
    tables = Regiotafel.objects.filter(region_id=region_id).values_list("id", flat=True)
    return overdue_steps(today=today, regiotafel_ids=tables)


@dataclass(frozen=True)
class UnagreedLocation:
    id: int
    name: str
    organisation: str
    reason: str  # "pgb" or "ongecontracteerd"


def unagreed_pgb_locations(regiotafel: Regiotafel, day: date) -> list[UnagreedLocation]:
    """4.1.3: pgb and uncontracted locations of this table's area without a valid MGZ agreement.

    A region-wide agreement binds only the parties that made it, and pgb and uncontracted
    providers are outside the covenant (S.3); so such a location counts as agreed only when its
    organisation is a party, or the agreement names the organisation or the location.
    """
    valid = valid_agreements(day, region_ids=[regiotafel.region_id])
    org_ids = set(valid.values_list("parties", flat=True)) | set(
        valid.values_list("scope_organisations", flat=True)
    )
    location_ids = set(valid.values_list("scope_locations", flat=True))
    candidates = (
        regiotafel.locations()
        .filter(
            Q(kind="pgb_wooninitiatief")
            | Q(organisation__pgb_only=True)
            | Q(organisation__contracted=False)
        )
        .exclude(status="gesloten")
        .select_related("organisation")
        .order_by("name")
    )
    result = []
    for loc in candidates:
        if loc.id in location_ids or loc.organisation_id in org_ids:
            continue
        pgb = loc.kind == "pgb_wooninitiatief" or loc.organisation.pgb_only
        result.append(
            UnagreedLocation(
                loc.id, loc.name, loc.organisation.name, "pgb" if pgb else "ongecontracteerd"
            )
        )
    return result


def agreements_due_for_review(regiotafel: Regiotafel, day: date, *, within_days: int = 90):
    """Valid agreements whose review date has passed or falls within the coming period."""
    from datetime import timedelta

    return (
        valid_agreements(day)
        .filter(regiotafel=regiotafel, review_date__isnull=False)
        .filter(review_date__lte=day + timedelta(days=within_days))
        .order_by("review_date")
    )


@dataclass(frozen=True)
class ActivityTally:
    organisation_id: int | None
    organisation: str
    kind: str
    count: int
    source: str

    @property
    def kind_label(self) -> str:
        return ActivityKind(self.kind).label


def platform_activity(regiotafel: Regiotafel, start: date, end: date) -> list[ActivityTally]:
    """4.1.1 activities the platform sees itself, per party: care-team members who started in
    the period (medebehandelaar → medebehandeling, consulent → consultatie) and changes of
    regiebehandelaar MGZ (a new regiebehandelaar for a patient who already had one).

    A physician's party is their organisation (their first role); unknown when they have none.
    """
    location_ids = regiotafel.locations().values("id")
    patients_q = Q(patient__location_id__in=location_ids)
    if not regiotafel.subregion_id:
        patients_q |= Q(patient__region_id=regiotafel.region_id, patient__location__isnull=True)
    members = CareTeamMember.objects.filter(
        patients_q, start__gte=start, start__lte=end
    ).values_list("patient_id", "professional_id", "role", "start")
    rows = list(members)
    professional_ids = {row[1] for row in rows}
    org_of: dict[int, tuple[int, str]] = {}
    for prof_id, org_id, org_name in (
        ProfessionalRole.objects.filter(professional_id__in=professional_ids)
        .order_by("professional_id", "id")
        .values_list("professional_id", "organisation_id", "organisation__name")
    ):
        org_of.setdefault(prof_id, (org_id, org_name))
    earlier_regie = set(
        CareTeamMember.objects.filter(
            patient_id__in={row[0] for row in rows if row[2] == "regiebehandelaar"},
            role="regiebehandelaar",
            start__lt=start,
        ).values_list("patient_id", flat=True)
    )
    counts: dict[tuple[int | None, str, str], int] = defaultdict(int)
    seen_regie: set[int] = set()
    for patient_id, prof_id, role, _start in sorted(rows, key=lambda r: r[3]):
        if role == "medebehandelaar":
            kind = ActivityKind.MEDEBEHANDELING
        elif role == "consulent":
            kind = ActivityKind.CONSULTATIE
        else:
            is_transfer = patient_id in earlier_regie or patient_id in seen_regie
            seen_regie.add(patient_id)
            if not is_transfer:
                continue
            kind = ActivityKind.OVERDRACHT
        org_id, org_name = org_of.get(prof_id, (None, "Onbekende partij"))
        counts[(org_id, org_name, kind)] += 1
    return [
        ActivityTally(org_id, org_name, kind, n, ActivitySource.PLATFORM)
        for (org_id, org_name, kind), n in sorted(
            counts.items(), key=lambda kv: (kv[0][1], kv[0][2])
        )
    ]


def activity_tallies(regiotafel: Regiotafel, start: date, end: date) -> list[ActivityTally]:
    """Platform counts plus the counts entered per period (those overlapping [start, end])."""
    entered = ActivityCount.objects.filter(
        regiotafel=regiotafel, period_start__lte=end, period_end__gte=start
    ).values_list("organisation_id", "organisation__name", "kind", "count", "source")
    manual = [ActivityTally(*row) for row in entered]
    return platform_activity(regiotafel, start, end) + sorted(
        manual, key=lambda t: (t.organisation, t.kind)
    )
