"""Domain errors of the regiotafel. Messages are Dutch: views show them to the user as they are."""

from __future__ import annotations


class RegiotafelError(Exception):
    """Base class; `code` is stable for API clients and tests."""

    code = "regiotafel"

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class InvalidTransition(RegiotafelError):
    code = "ongeldige-overgang"


class InvalidInput(RegiotafelError):
    code = "ongeldige-invoer"


class DocumentRejected(RegiotafelError):
    code = "document-geweigerd"


class OpeningBlocked(RegiotafelError):
    """The opening gate refused; `findings` are the blocking ones (as shown in the message)."""

    code = "opening-geblokkeerd"

    def __init__(self, message: str, findings: list) -> None:
        super().__init__(message)
        self.findings = findings


class NotAllowed(RegiotafelError):
    code = "niet-toegestaan"
