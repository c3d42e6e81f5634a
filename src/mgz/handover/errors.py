"""Domain errors and warnings of the handover workflows, with stable codes.

A code is the covenant clause the refusal rests on (e.g. "2.4.4") or a short slug; views map
errors to 400/403/409 and show the Dutch message.
"""

from __future__ import annotations

from dataclasses import dataclass


class HandoverError(Exception):
    """A request the workflow refuses; `code` is stable, `message` is Dutch for the user."""

    status = 400

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message


class NotAllowed(HandoverError):
    """The acting person may not take this step (wrong physician, not the author's role)."""

    status = 403


class Conflict(HandoverError):
    """The step does not fit the current state (already decided, another transfer open)."""

    status = 409


@dataclass(frozen=True)
class DomainWarning:
    """A risk the workflow allows but reports; `rule` is the covenant clause id."""

    rule: str
    message: str
