"""What a routing answer is made of: step specifications, steps and the result."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from mgz.core.routing.codes import NO_HANDOVER_TEXT, RESULT_CLAUSES
from mgz.core.routing.minutes import minute_to_datetime


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
