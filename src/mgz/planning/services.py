"""Planning services: the database → core planning input, the solver run, and write-back.

The pure engines live in `mgz.core.planning` (no Django). This module owns the ORM side: it
builds a `RosterProblem` / `AssignProblem` for a region, runs CP-SAT with a time limit, checks
the answer with the independent checker, turns it into plain JSON for the job row, and — when
the regio-coördinator accepts — writes it back as `Arrangement`s so the conformance engine and
routing see it like any other availability.

Data the registry does not hold, and what stands in for it:
- FTE: there is no FTE field on a professional; every SO/AVG counts as 1.0 FTE, and a GP
  practice's FTE is the number of huisartsen with an active role there (at least 1).
- Practice coordinates: only locations have latitude/longitude. A practice is placed at the
  mean of the locations where it already holds an ha_zorg arrangement, else at the mean of its
  ION patients' locations; a practice with neither is left out (and named in the messages).
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from mgz.availability.constants import Function, Mode, ScopeKind
from mgz.availability.models import Absence, Arrangement
from mgz.core.calendar import AnwCalendar, calendar_with, to_local
from mgz.core.planning import assign as core_assign
from mgz.core.planning import roster as core_roster
from mgz.core.planning.check import check_assignment, check_roster
from mgz.core.weekpattern import DAY_CODES, HOLIDAY
from mgz.planning.models import PlanningJob
from mgz.registry.constants import LocationStatus, OrganisationKind, Sector
from mgz.registry.models import (
    CareTeamMember,
    Location,
    Organisation,
    Patient,
    Professional,
    ProfessionalRole,
    Region,
)

DISCIPLINES = ("SO", "AVG")
FUNCTION_FOR = {"SO": Function.SO_ZORG, "AVG": Function.AVG_ZORG}
SECTOR_FOR = {"SO": Sector.VV, "AVG": Sector.GHZ}
PRACTICE_POOL_KINDS = (
    OrganisationKind.SO_AVG_PRAKTIJK,
    OrganisationKind.ZORGAANBIEDER_VV,
    OrganisationKind.ZORGAANBIEDER_GHZ,
    OrganisationKind.ZORGAANBIEDER_GGZ,
)
Progress = Callable[[float, int], None]


class PlanningError(ValueError):
    """A request that cannot be planned or a decision that is not allowed; Dutch message."""


@dataclass
class Outcome:
    """What a run gives back: JSON for the job row plus Dutch messages about the input."""

    result: dict
    messages: list[str] = field(default_factory=list)


def region_by_code(code: str) -> Region:
    region = Region.objects.filter(code=code).first()
    if region is None:
        raise PlanningError(f"regio '{code}' bestaat niet")
    return region


def region_calendar(region: Region) -> AnwCalendar:
    def clock(value: time | str) -> time:
        # A freshly created region still holds the field default, a string.
        return value if isinstance(value, time) else time.fromisoformat(value)

    return calendar_with(clock(region.anw_weekday_start), clock(region.anw_weekday_end))


# --- Roster ------------------------------------------------------------------------------------


def roster_pool(region: Region, disciplines: tuple[str, ...], start: date) -> list[Professional]:
    """SO/AVG of the region: with arrangements or care-team roles for its patients, or staff of
    an SO/AVG-praktijk or zorgaanbieder in the region."""
    codes = [d.lower() for d in disciplines]
    in_region = (
        Q(scope_region=region)
        | Q(locations__region=region)
        | Q(scope_organisation__region=region)
        | Q(patients__region=region)
    )
    # Earlier accepted rosters do not make someone part of the pool by themselves.
    ids = set(
        Arrangement.objects.filter(in_region, professional__discipline__in=codes)
        .exclude(code__startswith="ROOSTER-")
        .values_list("professional_id", flat=True)
    )
    ids |= set(
        CareTeamMember.objects.filter(
            patient__region=region, professional__discipline__in=codes
        ).values_list("professional_id", flat=True)
    )
    ids |= set(
        ProfessionalRole.objects.filter(
            organisation__region=region,
            organisation__kind__in=PRACTICE_POOL_KINDS,
            professional__discipline__in=codes,
        )
        .filter(Q(end__isnull=True) | Q(end__gte=start))
        .values_list("professional_id", flat=True)
    )
    return list(Professional.objects.filter(id__in=ids).order_by("code"))


def _organisation_of(professional: Professional, region: Region) -> str:
    role = (
        ProfessionalRole.objects.filter(professional=professional, organisation__region=region)
        .select_related("organisation")
        .order_by("organisation__code")
        .first()
    )
    return role.organisation.code if role else "-"


def _absence_days(professional: Professional, start: date, days: int) -> frozenset[date]:
    """Every local day an absence touches, even partly: no duty may start or run on it."""
    end = start + timedelta(days=days + 1)
    found: set[date] = set()
    window_start = datetime.combine(start, time(0), tzinfo=timezone.get_current_timezone())
    window_end = datetime.combine(end, time(0), tzinfo=timezone.get_current_timezone())
    for absence in Absence.objects.filter(
        professional=professional, start__lt=window_end, end__gt=window_start
    ):
        day = to_local(absence.start).date()
        last = to_local(absence.end - timedelta(microseconds=1)).date()
        while day <= last:
            found.add(day)
            day += timedelta(days=1)
    return frozenset(found)


def roster_problem(
    region: Region,
    start: date,
    days: int,
    *,
    disciplines: tuple[str, ...] = DISCIPLINES,
    max_duties: int | None = None,
) -> core_roster.RosterProblem:
    if days < 1 or days > 120:
        raise PlanningError("een rooster beslaat 1 tot 120 dagen")
    unknown = set(disciplines) - set(DISCIPLINES)
    if unknown or not disciplines:
        raise PlanningError("disciplines zijn SO en/of AVG")
    persons = tuple(
        core_roster.Person(
            id=p.code,
            name=f"{p.discipline.upper()} {p.family_name}",
            organisation=_organisation_of(p, region),
            discipline=p.discipline.upper(),
            fte=1.0,  # no FTE in the registry (see the module docstring)
            absences=_absence_days(p, start, days),
            max_duties=max_duties,
        )
        for p in roster_pool(region, disciplines, start)
    )
    requirements = tuple(
        core_roster.Requirement(label=f"{d} {region.code}", discipline=d) for d in disciplines
    )
    return core_roster.RosterProblem(
        region=region.code,
        start=start,
        days=days,
        persons=persons,
        requirements=requirements,
        calendar=region_calendar(region),
    )


def solve_roster(
    problem: core_roster.RosterProblem,
    *,
    time_limit: float = 10.0,
    workers: int = 2,
    on_solution: Progress | None = None,
) -> Outcome:
    messages: list[str] = []
    for requirement in problem.requirements:
        if not any(requirement.eligible(p) for p in problem.persons):
            messages.append(f"Geen {requirement.discipline} in de pool voor {requirement.label}.")
    greedy = core_roster.greedy_roster(problem)
    result = core_roster.solve_roster(
        problem,
        time_limit=time_limit,
        workers=workers,
        hint=greedy.duties,
        on_solution=on_solution,
    )
    if result.status == "geen oplossing":
        messages.append("CP-SAT vond binnen de tijd geen rooster; het gretige rooster is getoond.")
        result = greedy
    verdict = check_roster(problem, result.duties)
    names = {p.id: p.name for p in problem.persons}
    return Outcome(
        {
            "kind": "roster",
            "region": problem.region,
            "start": problem.start.isoformat(),
            "days": problem.days,
            "duties": [
                {
                    "person": d.person_id,
                    "name": names.get(d.person_id, d.person_id),
                    "requirement": d.requirement,
                    "discipline": d.discipline,
                    "mode": d.mode,
                    "kind": d.kind,
                    "day": d.day.isoformat(),
                    "start": d.start.isoformat(),
                    "end": d.end.isoformat(),
                }
                for d in result.duties
            ],
            "unfilled": [
                {
                    "requirement": u.requirement,
                    "kind": u.kind,
                    "day": u.day.isoformat(),
                    "start": u.start.isoformat(),
                    "end": u.end.isoformat(),
                    "missing": u.missing,
                }
                for u in result.unfilled
            ],
            "counts": [
                {
                    "person": c.person_id,
                    "name": c.name,
                    "organisation": c.organisation,
                    "duties": c.duties,
                    "nights": c.nights,
                    "weekend_holiday": c.weekend_holiday,
                    "load": round(c.load, 2),
                    "target": round(c.target, 2),
                }
                for c in result.counts
            ],
            "violations": [v.message for v in result.violations],
            **_figures(result.objective, result.bound, result.status, result.seconds),
            "solver": result.solver,
            "check": {"ok": verdict.ok, "violations": [v.message for v in verdict.violations]},
        },
        messages,
    )


def _figures(objective: int, bound: float | None, status: str, seconds: float) -> dict:
    gap = None
    if bound is not None and objective:
        gap = round(100 * abs(objective - bound) / max(1, abs(objective)), 2)
    return {
        "objective": objective,
        "bound": None if bound is None else round(bound, 2),
        "gap": gap,
        "status": status,
        "seconds": round(seconds, 2),
    }


def duty_patterns(
    day: date, start: datetime, end: datetime, calendar: AnwCalendar
) -> list[tuple[str, date, date]]:
    """(pattern, valid_from, valid_to) for one duty, covering exactly its hours.

    Validity is per calendar day, so an overnight duty is valid on the day it starts and the
    day it ends ("di 17:00-08:00" valid Tuesday to Wednesday covers Tuesday 17:00 to Wednesday
    08:00 and nothing else, since Wednesday is "wo"). Only when both days carry the same day
    code — two holidays in a row, such as Christmas — would that also cover the second day's
    evening; then the duty is written as two pieces.
    """
    local_start, local_end = to_local(start), to_local(end)

    def code(d: date) -> str:
        return DAY_CODES[HOLIDAY if calendar.is_holiday(d) else d.weekday()]

    begin, finish = local_start.strftime("%H:%M"), local_end.strftime("%H:%M")
    end_day = local_end.date()
    if end_day == day:
        return [(f"{code(day)} {begin}-{finish}", day, day)]
    if code(end_day) != code(day):
        return [(f"{code(day)} {begin}-{finish}", day, end_day)]
    return [
        (f"{code(day)} {begin}-24:00", day, day),
        (f"{code(end_day)} 00:00-{finish}", end_day, end_day),
    ]


def _phone(professional: Professional) -> str:
    if professional.phone:
        return professional.phone
    role = professional.roles.exclude(phone="").first()
    return role.phone if role else ""


# --- Assignment --------------------------------------------------------------------------------

KM_PER_DEGREE_LAT = 110.574


def _xy(lat: float, lon: float, lat0: float) -> tuple[float, float]:
    """Equirectangular projection: good to metres over a region's few tens of kilometres."""
    return lon * 111.320 * math.cos(math.radians(lat0)), lat * KM_PER_DEGREE_LAT


def _needs_vaste_huisarts(region: Region):
    return Patient.objects.filter(
        region=region, location__isnull=False, behandeling_ingekocht=False
    ).exclude(location__status=LocationStatus.GESLOTEN)


def assign_problem(
    region: Region,
    *,
    max_distance_km: float = 15.0,
    wlz_per_fte: int = 25,
) -> tuple[core_assign.AssignProblem, list[str]]:
    messages: list[str] = []
    patients = list(_needs_vaste_huisarts(region).select_related("location"))
    by_location: dict[int, list[Patient]] = defaultdict(list)
    for patient in patients:
        by_location[patient.location_id].append(patient)
    coordinates = {
        loc.id: (loc.latitude, loc.longitude)
        for loc in Location.objects.filter(region=region)
        if loc.latitude is not None and loc.longitude is not None
    }
    if not coordinates:
        raise PlanningError("geen enkele locatie in de regio heeft coördinaten")
    lat0 = sum(lat for lat, _ in coordinates.values()) / len(coordinates)
    locations = []
    counted: set[int] = set()
    for loc in Location.objects.filter(id__in=by_location).order_by("code"):
        if loc.id not in coordinates:
            messages.append(f"Locatie {loc.name} heeft geen coördinaten en is overgeslagen.")
            continue
        x, y = _xy(*coordinates[loc.id], lat0)
        here = by_location[loc.id]
        counted.update(p.id for p in here)
        locations.append(
            core_assign.Location(
                id=loc.code,
                name=loc.name,
                x_km=x,
                y_km=y,
                patients=len(here),
                ion_practices=frozenset(
                    p.ion_practice.code for p in here if p.ion_practice_id is not None
                ),
            )
        )
    practices = []
    for practice in Organisation.objects.filter(
        region=region, kind=OrganisationKind.HUISARTSENPRAKTIJK
    ).order_by("code"):
        held = Arrangement.objects.filter(function=Function.HA_ZORG).filter(
            Q(provider_organisation=practice) | Q(professional__roles__organisation=practice)
        )
        points = [
            coordinates[i]
            for i in Location.objects.filter(arrangements__in=held)
            .distinct()
            .values_list("id", flat=True)
            if i in coordinates
        ]
        if not points:
            points = [
                coordinates[i]
                for i in Patient.objects.filter(ion_practice=practice).values_list(
                    "location_id", flat=True
                )
                if i in coordinates
            ]
        if not points:
            messages.append(
                f"Praktijk {practice.name} heeft geen plaats (geen ha_zorg-locaties of "
                "ION-cliënten op een locatie met coördinaten) en doet niet mee."
            )
            continue
        lat = sum(p[0] for p in points) / len(points)
        lon = sum(p[1] for p in points) / len(points)
        x, y = _xy(lat, lon, lat0)
        gps = ProfessionalRole.objects.filter(
            organisation=practice, professional__discipline="huisarts"
        ).count()
        current = Patient.objects.filter(ion_practice=practice).exclude(id__in=counted).count()
        practices.append(
            core_assign.Practice(
                id=practice.code,
                name=practice.name,
                x_km=x,
                y_km=y,
                fte=float(max(1, gps)),
                wlz_per_fte=wlz_per_fte,
                current_wlz=current,
            )
        )
    problem = core_assign.AssignProblem(
        practices=tuple(practices), locations=tuple(locations), max_distance_km=max_distance_km
    )
    return problem, messages


def solve_assign(
    problem: core_assign.AssignProblem,
    *,
    time_limit: float = 10.0,
    workers: int = 2,
    on_solution: Progress | None = None,
) -> Outcome:
    messages: list[str] = []
    if not problem.practices or not problem.locations:
        messages.append(
            "Geen praktijken of geen locaties met cliënten zonder ingekochte behandeling."
        )
    result = core_assign.solve_assignment(
        problem, time_limit=time_limit, workers=workers, on_solution=on_solution
    )
    verdict = check_assignment(problem, result.assignments)
    practices = {p.id: p.name for p in problem.practices}
    locations = {loc.id: loc for loc in problem.locations}
    return Outcome(
        {
            "kind": "assign",
            "assignments": [
                {
                    "location": a.location_id,
                    "location_name": locations[a.location_id].name,
                    "patients": locations[a.location_id].patients,
                    "practice": a.practice_id,
                    "practice_name": practices.get(a.practice_id, a.practice_id),
                    "distance_km": round(a.distance_km, 2),
                    "ion": a.ion,
                    "explanation": a.explanation,
                }
                for a in result.assignments
            ],
            "unassigned": list(result.unassigned),
            "utilisation": {
                practices.get(k, k): round(v, 3) for k, v in sorted(result.utilisation.items())
            },
            **_figures(result.objective, result.bound, result.status, result.seconds),
            "solver": result.solver,
            "violations": [],
            "check": {"ok": verdict.ok, "violations": [v.message for v in verdict.violations]},
        },
        messages,
    )


# --- Running a job -----------------------------------------------------------------------------


def run(job: PlanningJob, *, on_solution: Progress | None = None) -> Outcome:
    """Build the input for the job's parameters and solve it (no writes)."""
    params = job.parameters
    time_limit = float(params.get("time_limit", 10))
    workers = int(params.get("workers", 2))
    if job.kind == PlanningJob.Kind.ROSTER:
        problem = roster_problem(
            job.region,
            date.fromisoformat(params["start"]),
            int(params["days"]),
            disciplines=tuple(params.get("disciplines", DISCIPLINES)),
            max_duties=params.get("max_duties"),
        )
        return solve_roster(
            problem, time_limit=time_limit, workers=workers, on_solution=on_solution
        )
    problem, messages = assign_problem(
        job.region, max_distance_km=float(params.get("max_distance_km", 15.0))
    )
    outcome = solve_assign(problem, time_limit=time_limit, workers=workers, on_solution=on_solution)
    outcome.messages[:0] = messages
    return outcome


def create_job(kind: str, region: Region, parameters: dict, *, user=None) -> PlanningJob:
    return PlanningJob.objects.create(
        kind=kind, region=region, parameters=parameters, created_by=user
    )


# --- Accept / discard --------------------------------------------------------------------------


@transaction.atomic
def accept(job_id: int, *, user=None) -> int:
    """Write an accepted result back as arrangements; returns how many the job has written.

    Idempotent: the job row is locked, and an already accepted job writes nothing again.
    """
    job = PlanningJob.objects.select_for_update().select_related("region").get(pk=job_id)
    if job.status == PlanningJob.Status.ACCEPTED:
        return Arrangement.objects.filter(code__startswith=job.code_prefix).count()
    if job.status != PlanningJob.Status.DONE or not job.result:
        raise PlanningError(
            f"opdracht {job.pk} is {job.get_status_display().lower()}; alleen een klaar resultaat kan worden geaccepteerd"
        )
    written = _write_roster(job) if job.kind == PlanningJob.Kind.ROSTER else _write_assignment(job)
    job.status = PlanningJob.Status.ACCEPTED
    job.decided_by = user
    job.decided_at = timezone.now()
    job.save(update_fields=["status", "decided_by", "decided_at"])
    from mgz.routing import services as routing

    transaction.on_commit(routing.invalidate)
    return written


@transaction.atomic
def discard(job_id: int, *, user=None) -> None:
    job = PlanningJob.objects.select_for_update().get(pk=job_id)
    if job.status == PlanningJob.Status.DISCARDED:
        return
    if job.status == PlanningJob.Status.ACCEPTED:
        raise PlanningError("een geaccepteerd resultaat kan niet meer worden verworpen")
    if not job.finished:
        raise PlanningError("de opdracht loopt nog")
    job.status = PlanningJob.Status.DISCARDED
    job.decided_by = user
    job.decided_at = timezone.now()
    job.save(update_fields=["status", "decided_by", "decided_at"])


def _write_roster(job: PlanningJob) -> int:
    region = job.region
    calendar = region_calendar(region)
    professionals = {
        p.code: p
        for p in Professional.objects.filter(code__in={d["person"] for d in job.result["duties"]})
    }
    written = 0
    for n, duty in enumerate(job.result["duties"], start=1):
        professional = professionals.get(duty["person"])
        if professional is None:
            raise PlanningError(f"zorgverlener {duty['person']} bestaat niet meer")
        pieces = duty_patterns(
            date.fromisoformat(duty["day"]),
            datetime.fromisoformat(duty["start"]),
            datetime.fromisoformat(duty["end"]),
            calendar,
        )
        for piece, (pattern, valid_from, valid_to) in enumerate(pieces):
            suffix = "" if piece == 0 else chr(ord("a") + piece)
            _, created = Arrangement.objects.get_or_create(
                code=f"{job.code_prefix}{n:04d}{suffix}",
                defaults={
                    "function": FUNCTION_FOR[duty["discipline"]],
                    "mode": duty["mode"],
                    "professional": professional,
                    "scope_kind": ScopeKind.REGION,
                    "scope_region": region,
                    "scope_sector": SECTOR_FOR[duty["discipline"]],
                    "pattern": pattern,
                    "valid_from": valid_from,
                    "valid_to": valid_to,
                    "phone": _phone(professional),
                    "note": f"ANW-rooster {duty['requirement']}, {duty['kind']} (opdracht {job.pk})",
                },
            )
            written += created
    return written


def _write_assignment(job: PlanningJob) -> int:
    """Each assigned location: the practice's ha_zorg in the day hours ('dag'), from today on."""
    practices = {o.code: o for o in Organisation.objects.filter(region=job.region)}
    locations = {loc.code: loc for loc in Location.objects.filter(region=job.region)}
    today = timezone.localdate()
    written = 0
    for n, item in enumerate(job.result["assignments"], start=1):
        practice, location = practices.get(item["practice"]), locations.get(item["location"])
        if practice is None or location is None:
            raise PlanningError(f"{item['practice']} of {item['location']} bestaat niet meer")
        arrangement, created = Arrangement.objects.get_or_create(
            code=f"{job.code_prefix}{n:04d}",
            defaults={
                "function": Function.HA_ZORG,
                "mode": Mode.BESCHIKBAAR,
                "provider_organisation": practice,
                "scope_kind": ScopeKind.LOCATIONS,
                "pattern": "dag",
                "valid_from": today,
                "phone": practice.phone,
                "note": f"Vaste huisarts voor {location.name} (opdracht {job.pk})",
            },
        )
        if created:
            arrangement.locations.add(location)
        written += created
    return written
