"""Writing and reading the audit log. Views call `record` for every read or change of
patient data; nothing in the application updates or deletes a record."""

from __future__ import annotations

import csv
from collections.abc import Iterable, Iterator
from datetime import date, datetime, time

from django.db.models import QuerySet
from django.utils import timezone

from mgz.audit.constants import Action
from mgz.audit.models import AuditEvent


def record(
    request_or_user,
    patient,
    action: str,
    *,
    reason: str = "",
    relation: str = "",
    break_glass: bool = False,
) -> AuditEvent:
    """Append one audit record. `request_or_user` is a request (preferred: it carries the
    request id and page) or a user (for commands and services without a request)."""
    from mgz.accounts.access import membership_of

    request = request_or_user if hasattr(request_or_user, "user") else None
    user = request.user if request is not None else request_or_user
    membership = membership_of(user) if user is not None else None
    organisation = membership.organisation if membership and membership.organisation_id else None
    return AuditEvent.objects.create(
        user_id=getattr(user, "id", None),
        username=getattr(user, "username", "") or "",
        role=membership.role if membership else "",
        organisation_id=organisation.id if organisation else None,
        organisation_name=organisation.name if organisation else "",
        patient_id=patient.id if patient is not None else None,
        patient_code=patient.code if patient is not None else "",
        action=action,
        relation=relation,
        reason=reason,
        break_glass=break_glass,
        flagged=break_glass or action == Action.BREAK_GLASS,
        request_id=getattr(request, "request_id", "") if request is not None else "",
        path=request.path[:300] if request is not None else "",
    )


def record_many(request, patients, action: str, *, relation_of=None, reason: str = "") -> int:
    """One record per patient shown in a list (a list of names is a read of patient data)."""
    from mgz.accounts.access import membership_of

    user = request.user
    membership = membership_of(user)
    organisation = membership.organisation if membership and membership.organisation_id else None
    events = [
        AuditEvent(
            user_id=user.id,
            username=user.username,
            role=membership.role if membership else "",
            organisation_id=organisation.id if organisation else None,
            organisation_name=organisation.name if organisation else "",
            patient_id=patient.id,
            patient_code=patient.code,
            action=action,
            relation=relation_of(patient) if relation_of else "",
            reason=reason,
            request_id=getattr(request, "request_id", ""),
            path=request.path[:300],
        )
        for patient in patients
    ]
    AuditEvent.objects.bulk_create(events)
    return len(events)


def query(
    *,
    username: str = "",
    patient_code: str = "",
    action: str = "",
    flagged: bool | None = None,
    since: date | None = None,
    until: date | None = None,
) -> QuerySet[AuditEvent]:
    events = AuditEvent.objects.all()
    if username:
        events = events.filter(username__iexact=username)
    if patient_code:
        events = events.filter(patient_code__iexact=patient_code)
    if action:
        events = events.filter(action=action)
    if flagged is not None:
        events = events.filter(flagged=flagged)
    tz = timezone.get_current_timezone()
    if since:
        events = events.filter(at__gte=datetime.combine(since, time.min, tzinfo=tz))
    if until:
        events = events.filter(at__lte=datetime.combine(until, time.max, tzinfo=tz))
    return events


CSV_COLUMNS = [
    "tijdstip",
    "gebruiker",
    "rol",
    "organisatie",
    "cliënt",
    "handeling",
    "grondslag",
    "reden",
    "break_the_glass",
    "te_beoordelen",
    "request_id",
    "pagina",
]


def csv_rows(events: Iterable[AuditEvent]) -> Iterator[list[str]]:
    yield CSV_COLUMNS
    for e in events:
        yield [
            timezone.localtime(e.at).isoformat(timespec="seconds"),
            e.username,
            e.role,
            e.organisation_name,
            e.patient_code,
            e.action,
            e.relation,
            _no_formula(e.reason),
            "ja" if e.break_glass else "nee",
            "ja" if e.flagged else "nee",
            e.request_id,
            e.path,
        ]


def _no_formula(text: str) -> str:
    """A reason typed by a user must not become a spreadsheet formula (CSV injection)."""
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


class Echo:
    """A file-like object for csv.writer that streams lines."""

    def write(self, value: str) -> str:
        return value


def csv_lines(events: Iterable[AuditEvent]) -> Iterator[str]:
    writer = csv.writer(Echo())
    for row in csv_rows(events):
        yield writer.writerow(row)
