"""The API shape of a routing answer ('Wie bel ik nu?')."""

from __future__ import annotations

from datetime import datetime

from ninja import Field, Schema

from mgz.core.routing import RouteResult, Step


class StepOut(Schema):
    role: str = Field(
        description="spoed, meldpunt, behandelaar, huisarts, regiebehandelaar, consultatie of achterwacht"
    )
    function: str = Field(description="functie, bijvoorbeeld ha_zorg of verpleegkundige_voorwacht")
    function_label: str
    name: str | None = Field(description="wie; leeg bij een knelpunt")
    phone: str | None = Field(description="telefoonnummer; leeg bij een knelpunt")
    mode: str | None = Field(description="beschikbaar, bereikbaar of telefonisch")
    mode_label: str | None
    valid_from: datetime | None = Field(description="begin van het tijdvak waarin deze stap geldt")
    valid_until: datetime | None = Field(description="einde (exclusief) van dat tijdvak")
    clauses: list[str] = Field(description="convenantartikelen die deze stap onderbouwen")
    explanation: str
    required: bool
    gap: str | None = Field(description="artikel (regel-id) van het knelpunt als niemand er is")
    replaces: str | None = Field(description="naam van de afwezige die wordt vervangen")
    arrangement: str | None = Field(description="code van de beschikbaarheidsafspraak")


class HandoverOut(Schema):
    recorded: bool
    text: str
    behandelgrenzen: list[str]
    bejegeningsadvies: str


class RouteOut(Schema):
    patient: str
    at: datetime
    kind: str = Field(description="dag of anw")
    holiday: str | None
    question: str
    urgency: str
    caller: str
    steps: list[StepOut]
    gaps: list[str] = Field(description="regel-id's van de stappen zonder iemand")
    notes: list[str]
    handover: HandoverOut | None
    clauses: list[str]


class ErrorOut(Schema):
    detail: str


def step_out(step: Step) -> dict:
    return {
        "role": step.role,
        "function": step.function,
        "function_label": step.function_label,
        "name": step.name,
        "phone": step.phone,
        "mode": step.mode,
        "mode_label": step.mode_label,
        "valid_from": step.window_start_at,
        "valid_until": step.window_end_at,
        "clauses": list(step.clauses),
        "explanation": step.explanation,
        "required": step.required,
        "gap": step.gap,
        "replaces": step.replaces,
        "arrangement": step.arrangement_code,
    }


def route_out(result: RouteResult) -> dict:
    handover = result.handover
    return {
        "patient": result.patient_code,
        "at": result.moment_at,
        "kind": result.kind,
        "holiday": result.holiday,
        "question": result.question,
        "urgency": result.urgency,
        "caller": result.caller,
        "steps": [step_out(step) for step in result.steps],
        "gaps": list(result.gaps),
        "notes": list(result.notes),
        "handover": None
        if handover is None
        else {
            "recorded": handover.recorded,
            "text": handover.text,
            "behandelgrenzen": list(handover.behandelgrenzen),
            "bejegeningsadvies": handover.bejegeningsadvies,
        },
        "clauses": list(result.clauses),
    }
