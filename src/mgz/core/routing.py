"""'Wie bel ik nu?': route a care question to the meldpunt and the physicians reachable now.

`route_reference()` is the plain, obviously-correct implementation: it asks the snapshot and
`WeekPattern.covers` directly. `mgz.core.route_index.RouteIndex` gives the same answers from
precomputed timelines in microseconds; the tests hold the two to identical results.

A chain is built in three parts (docs/routing.md explains each rule with its clause):
1. U0/U1 first 112; for a carer the meldpunt, i.e. the voorwacht (2.2.1, 2.3.2.3);
2. the physician responsible now: the huisarts (by day the practice, in ANW the HAP; 2.4.1.c,
   2.1.1), the SO of the institution for VV verblijf met behandeling (2.1.4.d), or the AVG for a
   disability-related question, never alone: the huisarts follows (2.4.1.b, 2.4.4, 2.1.4.c);
3. the consultation options: the regiebehandelaar MGZ when on duty (1.2), the best-equipped
   physician for the question (2.4.1.a/b), the gedragskundige (2.3.2.2), and the achterwacht:
   the SO for VV (2.1.3.b.2), the AVG by telephone for GHZ (2.1.3.b.3).

A required step without anybody becomes a gap named with the conformance rule id; an optional
one is left out with a note. Times are whole minutes since the epoch (UTC): a step's window is
the maximal period around the moment, within the day/ANW period and at most `window_limit`
minutes either way, during which the step stays exactly the same.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta

from mgz.core.calendar import TZ, AnwCalendar, local_midnight
from mgz.core.scope import MODE_STRENGTH, absence_at, arrangements_for_patient, valid_on
from mgz.core.snapshot import (
    AbsenceSnap,
    ArrangementSnap,
    CareTeamSnap,
    LocationSnap,
    PatientSnap,
    Snapshot,
)
from mgz.core.weekpattern import WeekPattern

QUESTIONS: dict[str, str] = {
    "somatisch_acuut": "Somatisch acuut",
    "somatisch_chronisch": "Somatisch chronisch",
    "multidomein": "Multidomein / regieverlies",
    "vg_gedrag": "VG-gerelateerd gedrag",
    "psychisch_gedrag": "Psychisch / gedrag",
    "palliatief": "Palliatief",
    "overlijden": "Overlijden / lijkschouw",
}
URGENCIES: dict[str, str] = {
    "U0": "U0 – reanimatie",
    "U1": "U1 – levensbedreigend",
    "U2": "U2 – spoed",
    "U3": "U3 – dringend",
    "U4": "U4 – niet dringend",
    "U5": "U5 – advies",
}
CALLERS: dict[str, str] = {
    "verzorgende": "Verzorgende / begeleider",
    "voorwacht": "Voorwacht",
    "hap_triagist": "HAP-triagist",
    "huisarts": "Huisarts",
    "so": "Specialist ouderengeneeskunde (SO)",
    "avg": "Arts verstandelijk gehandicapten (AVG)",
}
FUNCTION_LABELS: dict[str, str] = {
    "spoed": "Ambulance (112)",
    "ha_zorg": "Huisartsenzorg",
    "so_zorg": "SO-zorg",
    "avg_zorg": "AVG-zorg",
    "triage": "Triage",
    "verpleegkundige_voorwacht": "Verpleegkundige voorwacht",
    "gedragskundige_voorwacht": "Gedragskundige voorwacht",
    "gedragskundige": "Gedragskundige",
}
MODE_LABELS = {
    "beschikbaar": "beschikbaar",
    "bereikbaar": "bereikbaar",
    "telefonisch": "telefonisch bereikbaar",
}
PHYSICIAN_FUNCTIONS = ("ha_zorg", "so_zorg", "avg_zorg")
SCOPE_RANK = {
    "patienten": 0,
    "locaties": 1,
    "organisatie": 2,
    "subregio": 3,
    "patientgroep": 4,
    "regio": 5,
}
ROLE_LABELS = {
    "spoed": "spoed",
    "meldpunt": "het meldpunt",
    "behandelaar": "de arts die nu verantwoordelijk is",
    "huisarts": "de huisarts naast de AVG",
    "regiebehandelaar": "de regiebehandelaar MGZ",
    "consultatie": "te consulteren",
    "achterwacht": "de achterwacht",
}
EMERGENCY_URGENCIES = frozenset({"U0", "U1"})
BEHAVIOUR_QUESTIONS = frozenset({"vg_gedrag", "psychisch_gedrag"})
# Who may see the handover summary with the chain. Every caller in this list has a role in the
# patient's care (2.1.3.e: at the HAP, the practice and the institution); need-to-know per user
# comes with the web application and is checked in the service before routing.
HANDOVER_CALLERS = frozenset(CALLERS)
NO_HANDOVER_TEXT = "Nog geen overdracht vastgelegd."
RESULT_CLAUSES = ("2.1.3.d", "2.3.0")
DEFAULT_WINDOW_LIMIT = 7 * 24 * 60  # minutes either side of the moment


class RoutingError(ValueError):
    """A request that cannot be routed; the message is Dutch."""


class UnknownPatient(RoutingError):
    pass


class UnknownCode(RoutingError):
    pass


@dataclass(frozen=True, slots=True)
class StepSpec:
    """What a step looks for; fixed for one request (see plan_steps)."""

    role: str  # spoed, meldpunt, behandelaar, huisarts, regiebehandelaar, consultatie, achterwacht
    functions: tuple[str, ...]  # in order of preference
    required: bool
    clauses_day: tuple[str, ...]
    clauses_anw: tuple[str, ...]
    gap_day: str = ""
    gap_anw: str = ""
    purpose: str = ""  # Dutch: why this step is in the chain


@dataclass(frozen=True, slots=True)
class Who:
    """Who answers an arrangement at some moment: its own provider or a replacement."""

    name: str
    phone: str
    provider_code: str
    discipline: str
    replaces: str | None = None
    absence_kind: str | None = None


@dataclass(frozen=True, slots=True)
class Step:
    role: str
    function: str
    function_label: str
    name: str | None
    phone: str | None
    mode: str | None
    mode_label: str | None
    window_start: int | None  # epoch minutes (UTC), inclusive; None = unbounded
    window_end: int | None  # exclusive
    clauses: tuple[str, ...]
    explanation: str
    required: bool
    gap: str | None = None
    arrangement_code: str | None = None
    provider_code: str | None = None
    discipline: str | None = None
    replaces: str | None = None

    @property
    def window_start_at(self) -> datetime | None:
        return minute_to_datetime(self.window_start)

    @property
    def window_end_at(self) -> datetime | None:
        return minute_to_datetime(self.window_end)


@dataclass(frozen=True, slots=True)
class HandoverSummary:
    """The patient handover (2.1.3.e) as the chain shows it; the model arrives later."""

    recorded: bool = False
    text: str = NO_HANDOVER_TEXT
    behandelgrenzen: tuple[str, ...] = ()
    bejegeningsadvies: str = ""


@dataclass(frozen=True, slots=True)
class RouteResult:
    patient_code: str
    moment: int  # epoch minutes (UTC)
    kind: str  # dag / anw
    holiday: str | None
    question: str
    urgency: str
    caller: str
    steps: tuple[Step, ...]
    gaps: tuple[str, ...]
    notes: tuple[str, ...]
    handover: HandoverSummary | None
    clauses: tuple[str, ...] = RESULT_CLAUSES

    @property
    def moment_at(self) -> datetime:
        return minute_to_datetime(self.moment)  # type: ignore[return-value]


# --- time helpers ---------------------------------------------------------------------------


def to_minute(moment: datetime) -> int:
    """An aware moment as whole minutes since the epoch (seconds are dropped)."""
    if moment.tzinfo is None:
        raise RoutingError("tijdstip zonder tijdzone")
    return int(moment.timestamp()) // 60


def minute_to_datetime(minute: int | None) -> datetime | None:
    if minute is None:
        return None
    return datetime.fromtimestamp(minute * 60, TZ)


def local_day(minute: int) -> date:
    return datetime.fromtimestamp(minute * 60, TZ).date()


def midnight_minute(day: date) -> int:
    return int(local_midnight(day).timestamp()) // 60


def ceil_minute(moment: datetime) -> int:
    """The first whole minute at or after an aware moment."""
    seconds = moment.timestamp()
    whole = int(seconds // 60)
    return whole if whole * 60 == seconds else whole + 1


def local_change_points(boundaries: Iterable[int], start: int, end: int) -> list[int]:
    """Every epoch minute in [start, end) at which a local wall-clock boundary falls.

    `boundaries` are minutes after local midnight. Midnight and every daylight-saving
    transition are always included, so between two consecutive points the local date and the
    local minute-of-day both move without crossing a boundary.
    """
    wanted = sorted({b % (24 * 60) for b in boundaries} | {0})
    first = local_day(start) - timedelta(days=1)
    last = local_day(end) + timedelta(days=1)
    points: set[int] = set()
    day = first
    while day <= last:
        base = datetime.combine(day, time(0))
        for minute in wanted:
            naive = base + timedelta(minutes=minute)
            for fold in (0, 1):
                points.add(int(naive.replace(tzinfo=TZ, fold=fold).timestamp()) // 60)
        midnight = local_midnight(day)
        following = local_midnight(day + timedelta(days=1))
        if midnight.utcoffset() != following.utcoffset():
            points.update(_dst_transitions(midnight, following))
        day += timedelta(days=1)
    return sorted(p for p in points if start <= p < end)


def _dst_transitions(start: datetime, end: datetime) -> list[int]:
    found = []
    cursor = start.astimezone(UTC)
    stop = end.astimezone(UTC)
    offset = cursor.astimezone(TZ).utcoffset()
    while cursor < stop:
        cursor += timedelta(minutes=15)
        now = cursor.astimezone(TZ).utcoffset()
        if now != offset:
            found.append(int(cursor.timestamp()) // 60)
            offset = now
    return found


def pattern_boundaries(pattern: WeekPattern, calendar: AnwCalendar) -> set[int]:
    points = {0, _clock_minutes(calendar.weekday_start), _clock_minutes(calendar.weekday_end)}
    for item in pattern.items:
        points.add(item.start % (24 * 60))
        points.add(item.end % (24 * 60))
    return points


def _clock_minutes(clock: time) -> int:
    return clock.hour * 60 + clock.minute


def pattern_intervals(
    pattern: WeekPattern, calendar: AnwCalendar, start: int, end: int
) -> list[tuple[int, int]]:
    """The maximal intervals [a, b) within [start, end) in which the pattern holds."""
    points = local_change_points(pattern_boundaries(pattern, calendar), start, end)
    if not points or points[0] != start:
        points.insert(0, start)
    intervals: list[tuple[int, int]] = []
    for i, point in enumerate(points):
        stop = points[i + 1] if i + 1 < len(points) else end
        if pattern.covers(datetime.fromtimestamp(point * 60, UTC), calendar):
            if intervals and intervals[-1][1] == point:
                intervals[-1] = (intervals[-1][0], stop)
            else:
                intervals.append((point, stop))
    return intervals


def kind_boundaries(calendar: AnwCalendar) -> set[int]:
    return {0, _clock_minutes(calendar.weekday_start), _clock_minutes(calendar.weekday_end)}


def is_anw_minute(calendar: AnwCalendar, minute: int) -> bool:
    local = datetime.fromtimestamp(minute * 60, TZ)
    return calendar.is_anw_local(local.date(), local.time())


# --- the plan: which steps a request needs ----------------------------------------------------


def validate_codes(question: str, urgency: str, caller: str) -> None:
    if question not in QUESTIONS:
        raise UnknownCode(f"onbekende vraag '{question}'; kies uit: {', '.join(QUESTIONS)}")
    if urgency not in URGENCIES:
        raise UnknownCode(f"onbekende urgentie '{urgency}'; kies uit: {', '.join(URGENCIES)}")
    if caller not in CALLERS:
        raise UnknownCode(f"onbekende beller '{caller}'; kies uit: {', '.join(CALLERS)}")


def needs_avg(patient: PatientSnap) -> bool:
    """The 2.1.3.a reading: an AVG for VG/LVG/SGLVG, and for LG/ZG with a recorded disability."""
    if patient.zorgprofiel.startswith(("VG", "LVG", "SGLVG")):
        return True
    return patient.sector == "ghz" and patient.verstandelijke_beperking


def met_behandeling(patient: PatientSnap, location: LocationSnap | None) -> bool:
    """Verblijf met behandeling (2.1.4.d, 2.3.3.1.a), read as the conformance engine does:
    treatment purchased, or verblijf at a location that treats."""
    if patient.behandeling_ingekocht:
        return True
    return (
        location is not None
        and patient.leveringsvorm == "verblijf"
        and location.treatment_model == "met_behandeling"
    )


def _physician(
    role: str, function: str, required: bool, extra: tuple[str, ...], purpose: str
) -> StepSpec:
    """A physician step; its gap is named 2.1.3.a by day and 2.1.3.b.1/2/3 in ANW."""
    day_gap, anw_gap = (
        "2.1.3.a",
        {
            "ha_zorg": "2.1.3.b.1",
            "so_zorg": "2.1.3.b.2",
            "avg_zorg": "2.1.3.b.3",
        }[function],
    )
    return StepSpec(
        role=role,
        functions=(function,),
        required=required,
        clauses_day=(day_gap, *extra),
        clauses_anw=(anw_gap, *extra),
        gap_day=day_gap if required else "",
        gap_anw=anw_gap if required else "",
        purpose=purpose,
    )


SPOED = StepSpec(
    role="spoed",
    functions=("spoed",),
    required=True,
    clauses_day=("2.2.1",),
    clauses_anw=("2.2.1",),
    purpose="Urgentie U0/U1: bel eerst 112 en volg daarna de keten.",
)
REGIE = StepSpec(
    role="regiebehandelaar",
    functions=PHYSICIAN_FUNCTIONS,
    required=False,
    clauses_day=("1.2", "2.2.1"),
    clauses_anw=("1.2", "2.2.1"),
    purpose="De regiebehandelaar MGZ is nu in dienst en kent de cliënt.",
)


def plan_steps(
    patient: PatientSnap,
    location: LocationSnap | None,
    question: str,
    urgency: str,
    caller: str,
) -> tuple[StepSpec, ...]:
    """The steps a request needs, in order; the same for every moment."""
    specs: list[StepSpec] = []
    if urgency in EMERGENCY_URGENCIES:
        specs.append(SPOED)
    if caller == "verzorgende":
        functions = ("verpleegkundige_voorwacht", "gedragskundige_voorwacht")
        if question in BEHAVIOUR_QUESTIONS:
            functions = functions[::-1]
        specs.append(
            StepSpec(
                role="meldpunt",
                functions=functions,
                required=location is not None,
                clauses_day=("2.2.1", "2.3.2.3"),
                clauses_anw=("2.2.1", "2.3.2.3", "2.1.3.c"),
                gap_day="2.3.2.3" if location is not None else "",
                gap_anw="2.3.2.3" if location is not None else "",
                purpose="Meld de vraag eerst bij de voorwacht van de locatie; die triageert.",
            )
        )
    sector = patient.sector
    vv, avg = sector == "vv", sector == "ghz" and needs_avg(patient)
    met = met_behandeling(patient, location)
    avg_leads = question == "vg_gedrag" and avg
    if avg_leads:
        specs.append(
            _physician(
                "behandelaar",
                "avg_zorg",
                True,
                ("2.4.1.b", "2.4.4"),
                "Een probleem dat samenhangt met de verstandelijke beperking: de AVG.",
            )
        )
        specs.append(
            _physician(
                "huisarts",
                "ha_zorg",
                True,
                ("2.4.4", "2.1.4.c"),
                "De AVG is nooit de enige arts: de huisarts blijft beschikbaar.",
            )
        )
    elif vv and met:
        specs.append(
            _physician(
                "behandelaar",
                "so_zorg",
                True,
                ("2.1.4.d", "2.4.1.a") if question == "multidomein" else ("2.1.4.d",),
                "Verblijf met behandeling: alle huisartsgeneeskundige zorg via de SO van de instelling.",
            )
        )
    else:
        specs.append(
            _physician(
                "behandelaar",
                "ha_zorg",
                True,
                ("2.4.1.c",),
                "Huisartsenzorg: overdag de eigen huisarts, in de ANW de huisartsenpost.",
            )
        )
    specs.append(REGIE)
    if question == "multidomein" and vv and not met:
        specs.append(
            _physician(
                "achterwacht",
                "so_zorg",
                True,
                ("2.4.1.a", "2.1.4.d"),
                "Complexe, meervoudige problematiek of regieverlies: de SO is het best toegerust.",
            )
        )
    if question == "multidomein" and avg:
        specs.append(
            _physician(
                "consultatie",
                "avg_zorg",
                True,
                ("2.4.1.b", "2.1.4.c"),
                "Problematiek rond de verstandelijke beperking: de AVG is het best toegerust.",
            )
        )
    if question in BEHAVIOUR_QUESTIONS and sector != "ggz":
        specs.append(
            StepSpec(
                role="consultatie",
                functions=("gedragskundige", "gedragskundige_voorwacht"),
                required=False,
                clauses_day=("2.3.2.2",),
                clauses_anw=("2.3.2.2",),
                purpose="Gedragsvraag: de gedragskundige is bereikbaar voor advies.",
            )
        )
    if vv and not met and question != "multidomein":
        specs.append(
            _physician(
                "achterwacht",
                "so_zorg",
                True,
                ("2.1.4.d",),
                "Achterwacht VV: de SO is bereikbaar voor consultatie.",
            )
        )
    if avg and not avg_leads and question != "multidomein":
        specs.append(
            _physician(
                "achterwacht",
                "avg_zorg",
                True,
                ("2.1.4.c",),
                "Achterwacht GHZ: de AVG is (telefonisch) bereikbaar voor consultatie.",
            )
        )
    return tuple(specs)


# --- building steps (shared by the reference and the index) ----------------------------------


def rank_key(arrangement: ArrangementSnap, functions: tuple[str, ...]) -> tuple:
    """Preferred candidates first: function order, strongest mode, narrowest scope, code."""
    return (
        functions.index(arrangement.function),
        -MODE_STRENGTH[arrangement.mode],
        SCOPE_RANK.get(arrangement.scope_kind, 9),
        arrangement.code,
    )


def who_for(
    snapshot: Snapshot,
    arrangement: ArrangementSnap,
    absence: AbsenceSnap | None = None,
    *,
    replacement_absent: bool = False,
) -> Who | None:
    """Who answers `arrangement`: its provider or, during `absence`, the replacement.

    As in the conformance engine, an absence without a named replacement, or whose replacement
    is absent too, leaves nobody: the chain then shows a gap instead of an unreliable number.
    """
    if arrangement.professional_id is not None:
        professional = snapshot.professional_by_id.get(arrangement.professional_id)
        name = professional.name if professional else "Onbekende zorgverlener"
        code = professional.code if professional else ""
        discipline = professional.discipline if professional else ""
    else:
        organisation = snapshot.organisation_by_id.get(arrangement.provider_organisation_id)
        name = organisation.name if organisation else "Onbekende dienst"
        code = organisation.code if organisation else ""
        discipline = organisation.kind if organisation else ""
    if absence is None:
        return Who(name, arrangement.phone, code, discipline)
    if absence.replacement_id is None or replacement_absent:
        return None
    replacement = snapshot.professional_by_id.get(absence.replacement_id)
    if replacement is None:
        return None
    return Who(
        name=replacement.name,
        phone=absence.replacement_phone or replacement.phone or arrangement.phone,
        provider_code=replacement.code,
        discipline=replacement.discipline,
        replaces=name,
        absence_kind=absence.kind,
    )


def make_step(
    spec: StepSpec,
    anw: bool,
    arrangement: ArrangementSnap | None,
    who: Who | None,
    window: tuple[int | None, int | None],
) -> Step:
    clauses = spec.clauses_anw if anw else spec.clauses_day
    label = FUNCTION_LABELS.get(spec.functions[0], spec.functions[0])
    if spec.role == "spoed":
        return Step(
            role="spoed",
            function="spoed",
            function_label=label,
            name="Ambulance (112)",
            phone="112",
            mode="beschikbaar",
            mode_label="beschikbaar",
            window_start=None,
            window_end=None,
            clauses=clauses,
            explanation=spec.purpose,
            required=True,
        )
    if arrangement is None or who is None:
        gap = spec.gap_anw if anw else spec.gap_day
        return Step(
            role=spec.role,
            function=spec.functions[0],
            function_label=label,
            name=None,
            phone=None,
            mode=None,
            mode_label=None,
            window_start=window[0],
            window_end=window[1],
            clauses=clauses,
            explanation=(
                f"Niemand vastgelegd voor {label.lower()} op dit moment. Dit is een knelpunt "
                f"(artikel {gap}): meld het bij de zorgaanbieder of de regiotafel. " + spec.purpose
            ),
            required=spec.required,
            gap=gap,
        )
    label = FUNCTION_LABELS.get(arrangement.function, arrangement.function)
    mode_label = MODE_LABELS[arrangement.mode]
    explanation = f"{spec.purpose} {who.name} is nu {mode_label} ({label.lower()})."
    if who.replaces:
        explanation += f" Vervangt {who.replaces} ({who.absence_kind})."
    return Step(
        role=spec.role,
        function=arrangement.function,
        function_label=label,
        name=who.name,
        phone=who.phone,
        mode=arrangement.mode,
        mode_label=mode_label,
        window_start=window[0],
        window_end=window[1],
        clauses=clauses,
        explanation=explanation,
        required=spec.required,
        arrangement_code=arrangement.code,
        provider_code=who.provider_code,
        discipline=who.discipline,
        replaces=who.replaces,
    )


def regie_professional(care_team: Iterable[CareTeamSnap], day: date) -> int | None:
    """The regiebehandelaar MGZ on a day (the first active one, in snapshot order)."""
    for member in care_team:
        if member.role == "regiebehandelaar" and member.active_on(day):
            return member.professional_id
    return None


def finish(
    *,
    patient: PatientSnap,
    moment: int,
    anw: bool,
    holiday: str | None,
    question: str,
    urgency: str,
    caller: str,
    location: LocationSnap | None,
    specs: tuple[StepSpec, ...],
    steps: list[Step | None],
    regie_id: int | None,
    regie_name: str | None,
) -> RouteResult:
    """Assemble the result from the steps found for each spec (None = optional, nobody)."""
    chain: list[Step] = []
    notes: list[str] = []
    seen_arrangements: set[str] = set()
    for spec, step in zip(specs, steps, strict=True):
        if step is None:
            if spec.role == "regiebehandelaar":
                if regie_id is not None:
                    notes.append(f"De regiebehandelaar MGZ ({regie_name}) is nu niet in dienst.")
            elif spec.role == "meldpunt":
                notes.append(
                    "Geen voorwacht vastgelegd voor deze cliënt thuis: bel direct de huisarts "
                    "(overdag) of de huisartsenpost (ANW)."
                )
            else:
                label = FUNCTION_LABELS.get(spec.functions[0], spec.functions[0]).lower()
                clause = (spec.clauses_anw if anw else spec.clauses_day)[0]
                notes.append(f"Geen {label} bereikbaar op dit moment ({clause}).")
            continue
        if step.arrangement_code and step.arrangement_code in seen_arrangements:
            # the same contact already stands higher in the chain: say so once, not twice
            notes.append(
                f"{step.name} staat al hierboven en is ook {ROLE_LABELS[step.role]} "
                f"({', '.join(step.clauses)})."
            )
            continue
        if step.arrangement_code:
            seen_arrangements.add(step.arrangement_code)
        chain.append(step)
    if regie_id is None:
        notes.append("Er is geen regiebehandelaar MGZ vastgelegd.")
    if caller == "hap_triagist" and anw and met_behandeling(patient, location):
        notes.append(
            "Verblijf met behandeling: ook in de ANW is de SO van de instelling het aanspreekpunt, "
            "niet de huisartsenpost (2.1.4.d)."
        )
    if caller == "voorwacht":
        notes.append("U bent de voorwacht: na uw triage gaat de vraag naar de arts hieronder.")
    if question == "overlijden":
        notes.append(
            "Lijkschouw en verklaring van overlijden door de arts die nu verantwoordelijk is."
        )
    gaps = tuple(step.gap for step in chain if step.gap)
    handover = HandoverSummary() if caller in HANDOVER_CALLERS else None
    return RouteResult(
        patient_code=patient.code,
        moment=moment,
        kind="anw" if anw else "dag",
        holiday=holiday,
        question=question,
        urgency=urgency,
        caller=caller,
        steps=tuple(chain),
        gaps=gaps,
        notes=tuple(notes),
        handover=handover,
    )


# --- the reference implementation ------------------------------------------------------------


@dataclass
class _Reference:
    snapshot: Snapshot
    patient: PatientSnap
    location: LocationSnap | None
    calendar: AnwCalendar
    candidates: list[ArrangementSnap] = field(default_factory=list)

    def who_at(self, arrangement: ArrangementSnap, minute: int) -> Who | None:
        moment = datetime.fromtimestamp(minute * 60, UTC)
        if not valid_on(arrangement, local_day(minute)):
            return None
        if not arrangement.pattern.covers(moment, self.calendar):
            return None
        if arrangement.professional_id is None:
            return who_for(self.snapshot, arrangement)
        absence = absence_at(self.snapshot, arrangement.professional_id, moment)
        if absence is None:
            return who_for(self.snapshot, arrangement)
        replacement_absent = (
            absence.replacement_id is not None
            and absence_at(self.snapshot, absence.replacement_id, moment) is not None
        )
        return who_for(self.snapshot, arrangement, absence, replacement_absent=replacement_absent)

    def regie_at(self, minute: int) -> int | None:
        team = self.snapshot.care_team_by_patient.get(self.patient.id, ())
        return regie_professional(team, local_day(minute))

    def ranked(self, spec: StepSpec, minute: int) -> list[ArrangementSnap]:
        found = [a for a in self.candidates if a.function in spec.functions]
        if spec.role == "regiebehandelaar":
            regie = self.regie_at(minute)
            found = [a for a in found if regie is not None and a.professional_id == regie]
        return sorted(found, key=lambda a: rank_key(a, spec.functions))

    def state(self, spec: StepSpec, minute: int) -> Step | None:
        """The step (without window) at a minute; None when an optional step has nobody."""
        anw = is_anw_minute(self.calendar, minute)
        for arrangement in self.ranked(spec, minute):
            who = self.who_at(arrangement, minute)
            if who is not None:
                return make_step(spec, anw, arrangement, who, (None, None))
        if not spec.required:
            return None
        return make_step(spec, anw, None, None, (None, None))


def find_patient(snapshot: Snapshot, patient_code: str) -> PatientSnap:
    by_code = snapshot.extra.get("patient_by_code")
    if by_code is None:
        by_code = {p.code: p for p in snapshot.patients}
        snapshot.extra["patient_by_code"] = by_code
    patient = by_code.get(patient_code)
    if patient is None:
        raise UnknownPatient(f"cliënt '{patient_code}' is niet bekend")
    return patient


def route_reference(
    snapshot: Snapshot,
    patient_code: str,
    moment: datetime,
    question: str,
    urgency: str,
    caller: str,
    *,
    window_limit: int = DEFAULT_WINDOW_LIMIT,
    every_minute: bool = False,
) -> RouteResult:
    """Route by asking the snapshot directly: scope.py, WeekPattern.covers and absences.

    Windows are found by walking outwards from the moment over the points at which anything
    may change (or, with `every_minute`, over every single minute: slow, for the tests).
    """
    validate_codes(question, urgency, caller)
    patient = find_patient(snapshot, patient_code)
    location = snapshot.location_by_id.get(patient.location_id) if patient.location_id else None
    calendar = snapshot.calendar_for(patient.region_id)
    t = to_minute(moment)
    ref = _Reference(snapshot, patient, location, calendar)
    ref.candidates = arrangements_for_patient(snapshot, patient)
    specs = plan_steps(patient, location, question, urgency, caller)
    lo, hi = t - window_limit, t + window_limit
    points = _reference_points(ref, lo, hi, every_minute)
    steps: list[Step | None] = []
    for spec in specs:
        if spec.role == "spoed":
            steps.append(make_step(spec, False, None, None, (None, None)))
            continue
        current = ref.state(spec, t)
        if current is None:
            steps.append(None)
            continue
        start, end = _walk(lambda m, spec=spec: ref.state(spec, m), current, t, points, lo, hi)
        steps.append(_with_window(current, start, end))
    regie = ref.regie_at(t)
    regie_prof = snapshot.professional_by_id.get(regie) if regie is not None else None
    local = datetime.fromtimestamp(t * 60, TZ)
    return finish(
        patient=patient,
        moment=t,
        anw=is_anw_minute(calendar, t),
        holiday=calendar.holiday_name(local.date()),
        question=question,
        urgency=urgency,
        caller=caller,
        location=location,
        specs=specs,
        steps=steps,
        regie_id=regie,
        regie_name=regie_prof.name if regie_prof else None,
    )


def _with_window(step: Step, start: int, end: int) -> Step:
    values = {name: getattr(step, name) for name in Step.__slots__}
    values.update(window_start=start, window_end=end)
    return Step(**values)


def _reference_points(ref: _Reference, lo: int, hi: int, every_minute: bool) -> list[int]:
    if every_minute:
        return list(range(lo, hi + 1))
    boundaries = set(kind_boundaries(ref.calendar))
    extra: set[int] = set()
    for arrangement in ref.candidates:
        boundaries |= pattern_boundaries(arrangement.pattern, ref.calendar)
        extra.add(midnight_minute(arrangement.valid_from))
        if arrangement.valid_to is not None:
            extra.add(midnight_minute(arrangement.valid_to + timedelta(days=1)))
        if arrangement.professional_id is not None:
            by_professional = ref.snapshot.absences_by_professional
            for absence in by_professional.get(arrangement.professional_id, ()):
                extra.add(ceil_minute(absence.start))
                extra.add(ceil_minute(absence.end))
                for other in by_professional.get(absence.replacement_id, ()):
                    extra.add(ceil_minute(other.start))
                    extra.add(ceil_minute(other.end))
    points = set(local_change_points(boundaries, lo - 1, hi + 2))
    points.update(p for p in extra if lo - 1 <= p <= hi + 1)
    return sorted(points)


def _walk(
    state: Callable[[int], Step | None],
    current: Step,
    t: int,
    points: list[int],
    lo: int,
    hi: int,
) -> tuple[int, int]:
    """The maximal [start, end) around t, within [lo, hi], on which state() equals current."""
    end = hi
    for point in points:
        if point <= t:
            continue
        if point >= hi:
            break
        if state(point) != current:
            end = point
            break
    start = lo
    below = [p for p in points if p <= t]
    # state is constant on [p_k, p_k+1): walk the segments below t downwards.
    for index in range(len(below) - 1, -1, -1):
        segment_start = below[index]
        if segment_start <= lo:
            break
        previous = segment_start - 1
        if state(previous) != current:
            start = segment_start
            break
    return start, end
