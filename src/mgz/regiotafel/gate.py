"""The opening gate (2.3.3.2.c): a planned location opens only when MGZ is arranged.

"Arranged" means: the latest conformance evaluation has no error-severity finding for the
location. The zorgkantoor may overrule with a reason; that exception is recorded (who, when,
why, which findings) and logged. When there is no evaluation at all, the gate stays shut too:
an unknown is never a pass.
"""

from __future__ import annotations

import logging
from dataclasses import asdict, dataclass

from django.db import transaction

from mgz.regiotafel import access
from mgz.regiotafel.errors import InvalidTransition, NotAllowed, OpeningBlocked
from mgz.regiotafel.models import OpeningException
from mgz.registry.models import Location

log = logging.getLogger("mgz.regiotafel.gate")

ERROR = "error"
FAIL = "fail"


@dataclass(frozen=True)
class BlockingFinding:
    rule_id: str
    message: str
    aspect: str = ""


@dataclass(frozen=True)
class OpeningResult:
    location: Location
    exception: OpeningException | None


def latest_findings(location: Location) -> list[BlockingFinding] | None:
    """Error findings of the latest stored conformance run for this location; None if no run
    covered it. Read-only, through `mgz.conformance.services.latest_findings_for`."""
    from mgz.conformance.services import latest_findings_for

    found = latest_findings_for("location", location.pk)
    if found is None:
        return None
    return [
        BlockingFinding(f.rule_id, f.message, f.aspect)
        for f in found
        if f.severity == ERROR and f.status == FAIL
    ]


def blocking_findings(location: Location) -> list[BlockingFinding]:
    found = latest_findings(location)
    if found is None:
        return [
            BlockingFinding(
                "2.3.3.2.c",
                "Er is nog geen toetsing van deze locatie; laat eerst de toetsing draaien.",
            )
        ]
    return found


def describe(findings: list[BlockingFinding]) -> str:
    lines = [f"{f.rule_id}: {f.message}" for f in findings]
    return (
        "De locatie kan niet open: MGZ is nog niet geregeld (2.3.3.2.c). Blokkerende "
        "bevindingen:\n- " + "\n- ".join(lines)
    )


@transaction.atomic
def open_location(
    location: Location, by_user, *, exception_reason: str | None = None
) -> OpeningResult:
    """Set a planned location to open, or refuse with the blocking findings.

    With blocking findings only the zorgkantoor's regio-coördinator may open it, and only with
    a reason: an OpeningException is recorded and a warning is logged.
    """
    fresh = Location.objects.select_for_update().get(pk=location.pk)
    if fresh.status != "gepland":
        raise InvalidTransition("Alleen een geplande locatie kan worden geopend.")
    if not access.can_open_location(by_user, fresh):
        raise NotAllowed("U mag deze locatie niet openen.")
    findings = blocking_findings(fresh)
    exception = None
    if findings:
        reason = (exception_reason or "").strip()
        if not reason:
            raise OpeningBlocked(describe(findings), findings)
        if not access.can_grant_opening_exception(by_user, fresh.region_id):
            raise NotAllowed(
                "Alleen het zorgkantoor van de regio kan een uitzondering op de openingstoets "
                "vastleggen.\n" + describe(findings)
            )
        exception = OpeningException.objects.create(
            location=fresh,
            decided_by=by_user,
            reason=reason,
            blocking_findings=[asdict(f) for f in findings],
        )
        log.warning(
            "openingstoets overruled: locatie %s door gebruiker %s (%d bevindingen): %s",
            fresh.pk,
            by_user.pk,
            len(findings),
            reason,
        )
        _audit(by_user, fresh, reason)
    Location.objects.filter(pk=fresh.pk).update(status="open")
    fresh.status = "open"
    log.info("locatie %s geopend door gebruiker %s", fresh.pk, by_user.pk)
    return OpeningResult(fresh, exception)


def _audit(user, location: Location, reason: str) -> None:
    """Also write the exception into the platform's append-only audit log, when present."""
    try:
        from mgz.audit.services import record
    except ImportError:
        return
    record(user, None, "change", reason=f"Uitzondering openingstoets {location.code}: {reason}")
