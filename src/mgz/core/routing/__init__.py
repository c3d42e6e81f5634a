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

The package: codes.py (codes, labels, errors), results.py (what an answer is made of),
minutes.py (time as minutes; where patterns and ANW change), plan.py (which steps a request
needs), steps.py (building steps and the result), reference.py (route_reference).
Everything public is importable from `mgz.core.routing` itself.
"""

from __future__ import annotations

from mgz.core.routing.codes import (
    BEHAVIOUR_QUESTIONS,
    CALLERS,
    DEFAULT_WINDOW_LIMIT,
    EMERGENCY_URGENCIES,
    FUNCTION_LABELS,
    HANDOVER_CALLERS,
    MODE_LABELS,
    NO_HANDOVER_TEXT,
    PHYSICIAN_FUNCTIONS,
    QUESTIONS,
    RESULT_CLAUSES,
    ROLE_LABELS,
    SCOPE_RANK,
    URGENCIES,
    RoutingError,
    UnknownCode,
    UnknownPatient,
)
from mgz.core.routing.minutes import (
    ceil_minute,
    is_anw_minute,
    kind_boundaries,
    local_change_points,
    local_day,
    midnight_minute,
    minute_to_datetime,
    pattern_boundaries,
    pattern_intervals,
    to_minute,
)
from mgz.core.routing.plan import (
    REGIE,
    SPOED,
    met_behandeling,
    needs_avg,
    plan_steps,
    validate_codes,
)
from mgz.core.routing.reference import (
    find_patient,
    route_reference,
)
from mgz.core.routing.results import (
    HandoverSummary,
    RouteResult,
    Step,
    StepSpec,
    Who,
)
from mgz.core.routing.steps import (
    finish,
    make_step,
    rank_key,
    regie_professional,
    who_for,
)

__all__ = [
    "BEHAVIOUR_QUESTIONS",
    "CALLERS",
    "DEFAULT_WINDOW_LIMIT",
    "EMERGENCY_URGENCIES",
    "FUNCTION_LABELS",
    "HANDOVER_CALLERS",
    "MODE_LABELS",
    "NO_HANDOVER_TEXT",
    "PHYSICIAN_FUNCTIONS",
    "QUESTIONS",
    "REGIE",
    "RESULT_CLAUSES",
    "ROLE_LABELS",
    "SCOPE_RANK",
    "SPOED",
    "URGENCIES",
    "HandoverSummary",
    "RouteResult",
    "RoutingError",
    "Step",
    "StepSpec",
    "UnknownCode",
    "UnknownPatient",
    "Who",
    "ceil_minute",
    "find_patient",
    "finish",
    "is_anw_minute",
    "kind_boundaries",
    "local_change_points",
    "local_day",
    "make_step",
    "met_behandeling",
    "midnight_minute",
    "minute_to_datetime",
    "needs_avg",
    "pattern_boundaries",
    "pattern_intervals",
    "plan_steps",
    "rank_key",
    "regie_professional",
    "route_reference",
    "to_minute",
    "validate_codes",
    "who_for",
]
