"""The reference implementation: every time-based rule, per subject, per slot, plain Python.

It uses only the slot-by-slot meanings (`WeekPattern.covers`, `AnwCalendar.is_anw`,
`scope.valid_on`, `scope.provider_present`, `CareTeamSnap.active_on`) and no NumPy, no
caching, no grouping. The fast engine must give exactly the same findings. Rules that are not
about time (a field present or not) are plain per-subject code already; the reference runs
those modules as they are.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from mgz.core.calendar import TZ, local_midnight
from mgz.core.grid import Grid
from mgz.core.rules.base import Selection
from mgz.core.rules.registry import all_rules
from mgz.core.scope import (
    arrangements_for_location,
    arrangements_for_patient,
    provider_present,
    satisfies,
    valid_on,
)
from mgz.core.snapshot import Snapshot

HA, SO, AVG = ("ha_zorg",), ("so_zorg",), ("avg_zorg",)
TRIAGE = ("triage",)
VOORWACHT = ("verpleegkundige_voorwacht", "gedragskundige_voorwacht")
GEDRAG = ("gedragskundige", "gedragskundige_voorwacht")
HAP_SERVICE = ("ha_zorg", "triage")

TIME_RULES = (
    "1.1",
    "1.2",
    "2.1.1",
    "2.1.3.a",
    "2.1.3.b.1",
    "2.1.3.b.2",
    "2.1.3.b.3",
    "2.1.3.c",
    "2.1.4.b",
    "2.1.4.c",
    "2.1.4.d",
    "2.2.1",
    "2.2.6",
    "2.3.2.2",
    "2.3.2.3",
    "2.3.3.2.d",
    "2.4.4",
)


def slot_starts(start: date, days: int) -> list[datetime]:
    moment = local_midnight(start).astimezone(UTC)
    end = local_midnight(start + timedelta(days=days)).astimezone(UTC)
    out = []
    while moment < end:
        out.append(moment)
        moment += timedelta(minutes=15)
    return out


def provider_ok(snapshot: Snapshot, arrangement, provider) -> bool:
    org = snapshot.organisation_by_id.get(arrangement.provider_organisation_id)
    person = snapshot.professional_by_id.get(arrangement.professional_id)
    if provider is None:
        return True
    if provider == "hap":
        return org is not None and org.kind == "hap"
    if provider == "niet_hap":
        return org is None or org.kind != "hap"
    if provider == "praktijk":
        return (org is not None and org.kind == "huisartsenpraktijk") or (
            person is not None and person.discipline == "huisarts"
        )
    return arrangement.provider_organisation_id == provider[1]


def covered(snapshot, arrangements, functions, mode, moment, calendar, provider=None) -> bool:
    day = moment.astimezone(TZ).date()
    for a in arrangements:
        if (
            a.function in functions
            and satisfies(a.mode, mode)
            and provider_ok(snapshot, a, provider)
            and valid_on(a, day)
            and a.pattern.covers(moment, calendar)
            and provider_present(snapshot, a, moment)
        ):
            return True
    return False


def regie_on(snapshot, patient, day: date) -> set[str]:
    return {
        snapshot.professional_by_id[m.professional_id].discipline
        for m in snapshot.care_team_by_patient.get(patient.id, ())
        if m.role == "regiebehandelaar" and m.active_on(day)
    }


def physicians_on(snapshot, patient, day: date) -> set[str]:
    return {
        snapshot.professional_by_id[m.professional_id].discipline
        for m in snapshot.care_team_by_patient.get(patient.id, ())
        if m.active_on(day)
        and snapshot.professional_by_id[m.professional_id].discipline in ("huisarts", "so", "avg")
    }


def to_intervals(marks: list[tuple[datetime, bool, str]], end: datetime) -> tuple:
    """[(slot start, violated, kind)] -> ((start, end, kind), ...), cut where the kind changes."""
    out = []
    current = None
    for moment, violated, kind in marks:
        if violated and current is not None and current[2] == kind:
            continue
        if current is not None:
            out.append((current[0], moment, current[2]))
            current = None
        if violated:
            current = (moment, None, kind)
    if current is not None:
        out.append((current[0], end, current[2]))
    return tuple((a.astimezone(TZ), b.astimezone(TZ), k) for a, b, k in out)


def needs_avg(p) -> bool:
    return p.zorgprofiel.startswith(("VG", "LVG", "SGLVG")) or (
        p.sector == "ghz" and p.verstandelijke_beperking
    )


def with_treatment(p, loc) -> bool:
    return p.behandeling_ingekocht or (
        loc is not None
        and p.leveringsvorm == "verblijf"
        and loc.treatment_model == "met_behandeling"
    )


def reference_keys(snapshot: Snapshot, start: date, days: int) -> list[tuple]:
    """Finding keys (as Finding.key()) of every rule, the time-based ones computed slot by slot."""
    keys: list[tuple] = []
    slots = slot_starts(start, days)
    end = local_midnight(start + timedelta(days=days))

    def emit(rule_id, kind, subject_id, aspect, marks):
        found = to_intervals(marks, end)
        if found:
            keys.append((rule_id, kind, subject_id, aspect, "fail", found))

    for p in snapshot.patients:
        cal = snapshot.calendar_for(p.region_id)
        loc = snapshot.location_by_id.get(p.location_id) if p.location_id else None
        arrs = arrangements_for_patient(snapshot, p)
        vv, avg = p.sector == "vv", needs_avg(p)
        gedrag = loc is not None and (p.sector == "ghz" or p.zorgprofiel in ("VV05", "VV07"))
        marks: dict[tuple[str, str], list] = {}

        def mark(rule, aspect, moment, violated, kind, marks=marks):
            marks.setdefault((rule, aspect), []).append((moment, violated, kind))

        horizon_regie = set()
        for moment in slots:
            day = moment.astimezone(TZ).date()
            anw = cal.is_anw(moment)
            kind = "anw" if anw else "dag"

            def cov(functions, mode, provider=None, moment=moment, arrs=arrs, cal=cal):
                return covered(snapshot, arrs, functions, mode, moment, cal, provider)

            regie = regie_on(snapshot, p, day)
            horizon_regie |= regie
            a_ha = not anw and not cov(HA, "beschikbaar")
            treats = with_treatment(p, loc)
            so_day = "beschikbaar" if treats or "so" in regie else "bereikbaar"
            avg_day = "beschikbaar" if treats or "avg" in regie else "bereikbaar"
            a_so = vv and not anw and not cov(SO, so_day)
            a_avg = avg and not anw and not cov(AVG, avg_day)
            b1 = anw and not cov(HA, "beschikbaar")
            so_mode = "beschikbaar" if "so" in regie else "bereikbaar"
            b2 = vv and anw and not cov(SO, so_mode)
            b3 = avg and anw and not cov(AVG, "telefonisch")
            mark("1.1", "", moment, a_ha or a_so or a_avg or b1 or b2 or b3, kind)
            mark("1.2", "", moment, not regie, "etmaal")
            mark("2.1.3.a", "ha", moment, a_ha, "dag")
            if vv:
                mark("2.1.3.a", "so", moment, a_so, "dag")
                mark("2.1.3.b.2", "so", moment, b2, "anw")
            if avg:
                mark("2.1.3.a", "avg", moment, a_avg, "dag")
                mark("2.1.3.b.3", "avg", moment, b3, "anw")
            mark("2.1.3.b.1", "ha", moment, b1, "anw")
            ha_landscape = (a_ha) or (anw and not cov(HA, "beschikbaar", "hap"))
            mark("2.1.1", "ha", moment, ha_landscape, kind)
            if vv:
                mark("2.1.1", "so", moment, a_so or (anw and not cov(SO, "bereikbaar")), kind)
            if avg:
                mark("2.1.1", "avg", moment, a_avg or b3, kind)
            mark(
                "2.1.3.c", "hap", moment, anw and not cov(HAP_SERVICE, "telefonisch", "hap"), "anw"
            )
            if loc is not None:
                residence = anw and not cov(TRIAGE + VOORWACHT, "telefonisch", "niet_hap")
                mark("2.1.3.c", "woonplek", moment, residence, "anw")
            if vv:
                mark(
                    "2.1.4.b",
                    "so",
                    moment,
                    "huisarts" in regie and not anw and not cov(SO, "bereikbaar"),
                    "dag",
                )
            if avg:
                mark(
                    "2.1.4.b",
                    "avg",
                    moment,
                    "huisarts" in regie and not anw and not cov(AVG, "bereikbaar"),
                    "dag",
                )
            mark(
                "2.1.4.b",
                "ha",
                moment,
                bool(regie & {"so", "avg"}) and not anw and not cov(HA, "bereikbaar"),
                "dag",
            )
            if p.sector == "ghz":
                mark("2.1.4.c", "", moment, physicians_on(snapshot, p, day) == {"avg"}, "etmaal")
            if with_treatment(p, loc):
                mark("2.1.4.d", "", moment, "huisarts" in regie, "etmaal")
            if loc is not None:
                meld = not cov(VOORWACHT, "telefonisch")
            elif anw:
                meld = not cov(HAP_SERVICE, "telefonisch", "hap")
            else:
                meld = not cov(HA, "telefonisch", "praktijk")
            mark("2.2.1", "", moment, meld, kind)
            if p.ion_practice_id is not None:
                fallback = p.id in snapshot.extra.get("fallback_covered", frozenset())
                mark("2.2.6", "", moment, bool(regie & {"so", "avg"}) and not fallback, "etmaal")
            if gedrag:
                mark("2.3.2.2", "", moment, not cov(GEDRAG, "bereikbaar"), kind)
            mark("2.4.4", "", moment, "avg" in regie and not cov(HA, "beschikbaar"), kind)
        for (rule_id, aspect), rows in marks.items():
            emit(rule_id, "patient", p.id, aspect, rows)

    for loc in snapshot.locations:
        if loc.status != "open":
            continue
        cal = snapshot.calendar_for(loc.region_id)
        arrs = arrangements_for_location(snapshot, loc)
        voorwacht, vaste, hap = [], [], []
        for moment in slots:
            anw = cal.is_anw(moment)
            kind = "anw" if anw else "dag"

            def cov(functions, mode, provider=None, moment=moment, arrs=arrs, cal=cal):
                return covered(snapshot, arrs, functions, mode, moment, cal, provider)

            voorwacht.append((moment, not cov(VOORWACHT, "bereikbaar"), kind))
            if loc.treatment_model == "zonder_behandeling":
                vaste.append((moment, not anw and not cov(HA, "bereikbaar", "praktijk"), "dag"))
                hap_ok = loc.hap_id is not None and cov(
                    HAP_SERVICE, "bereikbaar", ("org", loc.hap_id)
                )
                hap.append((moment, anw and not hap_ok, "anw"))
        emit("2.3.2.3", "location", loc.id, "", voorwacht)
        emit("2.3.3.2.d", "location", loc.id, "vaste_huisarts", vaste)
        emit("2.3.3.2.d", "location", loc.id, "hap", hap)

    selection = Selection.everything(Grid(start, days))
    for rule in all_rules():
        if rule.ID not in TIME_RULES:
            keys.extend(f.key() for f in rule.check(snapshot, selection))
    return sorted(keys)
