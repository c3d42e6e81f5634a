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

import threading
import time
import uuid
from datetime import datetime, timedelta

from django.db import transaction
from django.utils import timezone

from mgz.core.route_index import RouteIndex
from mgz.core.routing import RouteResult, RoutingError

CHECK_SECONDS = 1.0
HORIZON_WEEKS = 5


class AccessDenied(RoutingError):
    """The user may not see this patient's chain."""


class _State:
    def __init__(self) -> None:
        self.index: RouteIndex | None = None
        self.token: str | None = None
        self.checked = 0.0
        self.lock = threading.Lock()


_state = _State()


def current_token() -> str:
    from mgz.routing.models import RouteIndexVersion

    token = RouteIndexVersion.objects.filter(pk=1).values_list("token", flat=True).first()
    return token or ""


def invalidate() -> None:
    """Mark routing data as changed: for this process now, for the others within a second."""
    from mgz.routing.models import RouteIndexVersion

    _state.index = None
    token = uuid.uuid4().hex
    with transaction.atomic():
        if not RouteIndexVersion.objects.filter(pk=1).update(token=token):
            RouteIndexVersion.objects.create(pk=1, token=token)


def build_index(*, now: datetime | None = None) -> RouteIndex:
    from mgz.conformance.loader import load_snapshot

    now = now or timezone.now()
    return RouteIndex(load_snapshot(), start=now - timedelta(days=1), weeks=HORIZON_WEEKS)


def get_index(*, now: datetime | None = None) -> RouteIndex:
    """This process's index, rebuilt when the data changed or its horizon runs out."""
    clock = time.monotonic()
    index = _state.index
    if index is not None and clock - _state.checked < CHECK_SECONDS:
        return index
    with _state.lock:
        token = current_token()
        _state.checked = time.monotonic()
        index = _state.index
        moment = now or timezone.now()
        if (
            index is None
            or token != _state.token
            or not index.covers_moment(moment + timedelta(days=7))
        ):
            index = build_index(now=moment)
            _state.index, _state.token = index, token
        return index


def reset() -> None:
    """Forget this process's index (tests)."""
    _state.index, _state.token, _state.checked = None, None, 0.0


def check_access(user, patient_code: str, caller: str) -> None:
    """Need-to-know: may `user` see the chain of this patient? Raises AccessDenied if not.

    For now every active, authenticated user may; the web-application issue inserts the
    treatment-relation / HAP-on-call rule here, so the API and the web page share it.
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
    return get_index().route(patient_code, moment, question, urgency, caller)
