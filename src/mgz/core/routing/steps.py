"""Building steps and the result; shared by the reference and the index, so both say the
same thing in the same words."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from mgz.core.routing.codes import (
    FUNCTION_LABELS,
    HANDOVER_CALLERS,
    MODE_LABELS,
    ROLE_LABELS,
    SCOPE_RANK,
)
from mgz.core.routing.plan import met_behandeling
from mgz.core.routing.results import HandoverSummary, RouteResult, Step, StepSpec, Who
from mgz.core.scope import MODE_STRENGTH
from mgz.core.snapshot import (
    AbsenceSnap,
    ArrangementSnap,
    CareTeamSnap,
    LocationSnap,
    PatientSnap,
    Snapshot,
)


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
