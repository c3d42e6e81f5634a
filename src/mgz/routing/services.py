"""Routing as a service: one in-memory RouteIndex per process, kept fresh by a version token.

Freshness design. Each process (every gunicorn worker) builds its own index from one
`load_snapshot()`. A change to routing data (signals.py) writes a new random token into
RouteIndexVersion inside the same transaction and drops the local index at once. Other
processes read the token at most once per `CHECK_SECONDS` and rebuild when it differs, so a
change is seen everywhere within about a second after its commit. The token is random, not a
counter, so a rolled-back change can never be mistaken for a later one. The index also
rebuilds itself before its horizon (weeks ahead) runs out.

Access. `check_access()` is the one place where need-to-know is decided before any patient
data leave the service; the web-application issue replaces its body with the real rule.
"""

from __future__ import annotations

import dataclasses
import gc
import threading
import time
import uuid
from datetime import date, datetime, timedelta

from django.db import transaction
from django.utils import timezone

from mgz.core.calendar import TZ
from mgz.core.route_index import RouteIndex
from mgz.core.routing import HandoverSummary, RouteResult, RoutingError
from mgz.core.snapshot import AbsenceSnap

CHECK_SECONDS = 1.0
SYNC_BUILD_SECONDS = 2.0
HORIZON_WEEKS = 5
# Rows of RouteIndexVersion: routing data (a rebuild), handovers (a cache), absences (a patch).
ROUTING_TOKEN, HANDOVER_TOKEN, ABSENCE_TOKEN = 1, 2, 3
HANDOVER_CACHE_SIZE = 50_000
NO_HANDOVER = HandoverSummary()


class AccessDenied(RoutingError):
    """The user may not see this patient's chain."""


class _State:
    def __init__(self) -> None:
        self.index: RouteIndex | None = None
        self.token: str | None = None
        self.absence_token: str | None = None
        self.handover_token: str | None = None
        self.handovers: dict[tuple[str, date], HandoverSummary] = {}
        self.with_handover: set[str] | None = None  # codes of patients with any handover
        self.build_seconds = 0.0
        self.building: threading.Thread | None = None
        self.checked = 0.0
        self.lock = threading.Lock()


_state = _State()


def current_token(kind: int = ROUTING_TOKEN) -> str:
    return _tokens().get(kind, "")


def _tokens() -> dict[int, str]:
    from mgz.routing.models import RouteIndexVersion

    return dict(RouteIndexVersion.objects.filter(pk__in=(1, 2, 3)).values_list("pk", "token"))


def invalidate(kind: int = ROUTING_TOKEN) -> None:
    """Mark routing (or handover) data as changed: here now, in other processes within a second."""
    from mgz.routing.models import RouteIndexVersion

    if kind == ROUTING_TOKEN:
        _state.token = None  # this process rebuilds at its next question (see get_index)
        _state.checked = 0.0
    elif kind == ABSENCE_TOKEN:
        _state.absence_token = None  # this process patches at its next question
        _state.checked = 0.0
    _state.handovers, _state.with_handover = {}, None
    token = uuid.uuid4().hex
    with transaction.atomic():
        if not RouteIndexVersion.objects.filter(pk=kind).update(token=token):
            RouteIndexVersion.objects.create(pk=kind, token=token)


def build_index(*, now: datetime | None = None) -> RouteIndex:
    from mgz.conformance.loader import load_snapshot

    now = now or timezone.now()
    return RouteIndex(load_snapshot(), start=now - timedelta(days=1), weeks=HORIZON_WEEKS)


def get_index(*, now: datetime | None = None) -> RouteIndex:
    """This process's index, rebuilt when the data changed or its horizon runs out.

    A small index (built in under SYNC_BUILD_SECONDS) is rebuilt at once, so the answer after
    a change is always fresh. A large one (national: about a minute) is rebuilt in a
    background thread while the previous index keeps answering; the swap is atomic.
    """
    clock = time.monotonic()
    index = _state.index
    if index is not None and clock - _state.checked < CHECK_SECONDS:
        return index
    with _state.lock:
        tokens = _tokens()
        token = tokens.get(ROUTING_TOKEN, "")
        if tokens.get(HANDOVER_TOKEN, "") != _state.handover_token or token != _state.token:
            _state.handovers, _state.with_handover = {}, None
            _state.handover_token = tokens.get(HANDOVER_TOKEN, "")
        _state.checked = time.monotonic()
        index = _state.index
        moment = now or timezone.now()
        stale = (
            index is None
            or token != _state.token
            or not index.covers_moment(moment + timedelta(days=7))
        )
        absences = tokens.get(ABSENCE_TOKEN, "")
        if not stale:
            if absences != _state.absence_token:
                # Only absences changed: reload them (a small table) and patch the timelines
                # of the people concerned, instead of rebuilding everything.
                index.replace_absences(load_absences())
                _state.absence_token = absences
            return index
        if index is None or _state.build_seconds < SYNC_BUILD_SECONDS:
            _install(build_index(now=moment), token, absences, started=clock)
        elif _state.building is None or not _state.building.is_alive():
            _state.building = threading.Thread(
                target=_build_in_background, args=(token, absences, moment), daemon=True
            )
            _state.building.start()
        return _state.index


def load_absences() -> tuple[AbsenceSnap, ...]:
    """All absences in id order, as the snapshot loader reads them (the first one decides)."""
    from mgz.availability.models import Absence

    rows = Absence.objects.order_by("id").values_list(
        "id", "professional_id", "kind", "start", "end", "replacement_id", "replacement_phone"
    )
    return tuple(AbsenceSnap(*row) for row in rows)


def _install(index: RouteIndex, token: str, absences: str, *, started: float) -> None:
    _state.index, _state.token, _state.absence_token = index, token, absences
    _state.build_seconds = time.monotonic() - started
    _state.handovers, _state.with_handover = {}, None
    # The index lives long and has no cycles: keep the cyclic collector from walking its
    # millions of objects on every full collection (and pages shared after fork).
    gc.freeze()


def _build_in_background(token: str, absences: str, moment: datetime) -> None:
    from django.db import connection

    started = time.monotonic()
    try:
        index = build_index(now=moment)
        with _state.lock:
            _install(index, token, absences, started=started)
    finally:
        connection.close()  # this thread's own connection


def reset() -> None:
    """Forget this process's index (tests)."""
    _state.index, _state.token, _state.checked = None, None, 0.0
    _state.absence_token = None
    _state.handover_token, _state.handovers, _state.with_handover = None, {}, None


def check_access(user, patient_code: str, caller: str) -> None:
    """Only an active, authenticated user gets a chain. Raises AccessDenied if not.

    Need-to-know and the audit record are decided by the callers before this, with the
    patient at hand: the API through mgz.accounts.api_access.open_patient, the web page
    through mgz.web.patients.open_patient.
    """
    if user is None or not getattr(user, "is_authenticated", False) or not user.is_active:
        raise AccessDenied("u bent niet aangemeld")


def route_for(
    user,
    patient_code: str,
    moment: datetime,
    question: str,
    urgency: str,
    caller: str,
) -> RouteResult:
    """The chain for one call. Raises UnknownPatient, UnknownCode or AccessDenied."""
    check_access(user, patient_code, caller)
    result = get_index().route(patient_code, moment, question, urgency, caller)
    if result.handover is not None:
        day = moment.astimezone(TZ).date()
        result = dataclasses.replace(result, handover=handover_for(patient_code, day))
    return result


def handover_for(patient_code: str, day: date) -> HandoverSummary:
    """The patient handover (2.1.3.e) as the chain shows it; cached per process and day."""
    if _state.with_handover is None:
        from mgz.handover.models import HandoverDocument

        _state.with_handover = set(
            HandoverDocument.objects.values_list("patient__code", flat=True).distinct()
        )
    if patient_code not in _state.with_handover:
        return NO_HANDOVER
    key = (patient_code, day)
    found = _state.handovers.get(key)
    if found is None:
        found = _load_handover(patient_code, day)
        if len(_state.handovers) >= HANDOVER_CACHE_SIZE:
            _state.handovers = {}
        _state.handovers[key] = found
    return found


def _load_handover(patient_code: str, day: date) -> HandoverSummary:
    from mgz.handover.documents import handover_summary
    from mgz.registry.models import Patient

    patient = Patient.objects.filter(code=patient_code).first()
    summary = handover_summary(patient, today=day) if patient is not None else None
    if summary is None:
        return HandoverSummary()
    text = (
        f"Overdracht versie {summary['version']} van {summary['created_at']:%d-%m-%Y}"
        + (f", {summary['author']} ({summary['author_role']})" if summary["author"] else "")
        + "."
    )
    if summary["review_overdue"]:
        text += f" Let op: herziening was uiterlijk {summary['review_date']:%d-%m-%Y}."
    if summary["wilsverklaringen"]:
        text += " Wilsverklaringen: " + ", ".join(summary["wilsverklaringen"]) + "."
    if summary["normaal_gedrag"]:
        text += f" Normaal gedrag: {summary['normaal_gedrag']}"
    return HandoverSummary(
        recorded=True,
        text=text,
        behandelgrenzen=tuple(summary["behandelgrenzen"]),
        bejegeningsadvies=summary["bejegeningsadvies"],
    )
