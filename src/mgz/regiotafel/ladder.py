"""The escalation ladder of stap 4 (covenant 3.4) as one table. No database here.

A knelpunt is at one rung (1 partijen onderling → 2 regiotafel → 3 zorgkantoor/
zorgverzekeraar → 4 NZa/IGJ/VWS/convenantpartijen) and has a status. Every allowed move is a
row in TRANSITIONS; anything else is refused with a Dutch message. The services apply the
move and record it as a KnelpuntStep.
"""

from __future__ import annotations

from dataclasses import dataclass

from mgz.regiotafel.constants import Action, KnelpuntStatus, Step
from mgz.regiotafel.errors import InvalidTransition

OPEN = KnelpuntStatus.OPEN
VERSTREKEN = KnelpuntStatus.TERMIJN_VERSTREKEN
OPGELOST = KnelpuntStatus.OPGELOST

# (status, action) -> (new status, change of rung)
TRANSITIONS: dict[tuple[str, str], tuple[str, int]] = {
    (OPEN, Action.ESCALATE): (OPEN, +1),
    (VERSTREKEN, Action.ESCALATE): (OPEN, +1),
    (OPEN, Action.RESOLVE): (OPGELOST, 0),
    (VERSTREKEN, Action.RESOLVE): (OPGELOST, 0),
    (OPEN, Action.DEADLINE_PASSED): (VERSTREKEN, 0),
    (OPEN, Action.EXTEND): (OPEN, 0),
    (VERSTREKEN, Action.EXTEND): (OPEN, 0),
    (OPGELOST, Action.REOPEN): (OPEN, 0),
}

# Actions that close the current rung and open a new one (the others only close or flag it).
OPENS_NEW_STEP = frozenset({Action.ESCALATE, Action.REOPEN, Action.EXTEND})

TOP = Step.EXTERN


@dataclass(frozen=True)
class Move:
    status: str
    step: int


def apply(status: str, step: int, action: str) -> Move:
    """The state after `action`, or InvalidTransition saying why not."""
    row = TRANSITIONS.get((status, action))
    if row is None:
        raise InvalidTransition(
            f"{Action(action).label} kan niet bij een knelpunt met status "
            f"'{KnelpuntStatus(status).label}'."
        )
    new_status, delta = row
    new_step = step + delta
    if new_step > TOP:
        raise InvalidTransition(
            "Dit knelpunt staat al op de hoogste trede (NZa / IGJ / VWS / convenantpartijen); "
            "verder escaleren kan niet."
        )
    return Move(new_status, new_step)


def allowed_actions(status: str, step: int) -> list[str]:
    """What a user may do now, in table order (for buttons and the API)."""
    actions = []
    for (from_status, action), (_, delta) in TRANSITIONS.items():
        if from_status == status and step + delta <= TOP and action != Action.DEADLINE_PASSED:
            actions.append(action)
    return actions
