"""Regiotafel services: convening, members, agreements, knelpunten and the ladder.

Services own the transactions and raise domain errors (mgz.regiotafel.errors) with Dutch
messages; views and commands call them and show the message. The pure query functions the
conformance rules use live in mgz.regiotafel.queries and are re-exported here.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from datetime import date, timedelta

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.core.mail import send_mail
from django.db import transaction
from django.utils import timezone

from mgz.regiotafel import ladder
from mgz.regiotafel.constants import (
    DEFAULT_STEP_DAYS,
    Action,
    ActivityKind,
    ActivitySource,
    AgreementKind,
    KnelpuntStatus,
    PartyKind,
    ScopeKind,
    Step,
    Topic,
)
from mgz.regiotafel.documents import check_document
from mgz.regiotafel.errors import InvalidInput
from mgz.regiotafel.models import (
    ActivityCount,
    Agreement,
    Knelpunt,
    KnelpuntStep,
    Member,
    Regiotafel,
    validate_clause_ids,
)
from mgz.regiotafel.queries import (  # noqa: F401  (the rules' entry points)
    agreement_topics_by_location,
    membership_by_area,
    membership_by_region,
    overdue_steps,
)
from mgz.registry.models import Location, Organisation, Region, Subregion

log = logging.getLogger("mgz.regiotafel")


def _today(today: date | None) -> date:
    return today or timezone.localdate()


def _validated(obj) -> None:
    try:
        obj.full_clean()
    except ValidationError as error:
        raise InvalidInput(" ".join(error.messages)) from error


# --- the table and its members (3.2, 3.3) ---------------------------------------------------


@transaction.atomic
def convene(
    region: Region,
    convened_by: Organisation,
    *,
    on: date,
    subregion: Subregion | None = None,
    name: str = "",
    contact_email: str = "",
    breach_procedure: str = "",
) -> Regiotafel:
    """Stap 2: the zorgkantoor convenes the table and takes the first seat itself."""
    table = Regiotafel(
        region=region,
        subregion=subregion,
        name=name or f"Regiotafel {subregion or region}",
        convened_by=convened_by,
        convened_on=on,
        contact_email=contact_email,
        breach_procedure=breach_procedure,
    )
    _validated(table)
    table.save()
    Member.objects.create(
        regiotafel=table,
        organisation=convened_by,
        kind=PartyKind.ZORGKANTOOR,
        representative=convened_by.name,
        email=contact_email,
        start=on,
    )
    log.info("regiotafel %s bijeengeroepen door %s", table.pk, convened_by.pk)
    return table


@transaction.atomic
def add_member(
    regiotafel: Regiotafel,
    organisation: Organisation,
    kind: str,
    *,
    representative: str,
    start: date,
    email: str = "",
    mandate: str = "",
    has_mandate: bool = True,
    end: date | None = None,
) -> Member:
    member = Member(
        regiotafel=regiotafel,
        organisation=organisation,
        kind=kind,
        representative=representative,
        email=email,
        mandate=mandate,
        has_mandate=has_mandate,
        start=start,
        end=end,
    )
    _validated(member)
    member.save()
    return member


# --- agreements (3.a–c, 2.1.2, 2.1.5, 2.5.2–2.5.3) ------------------------------------------


@transaction.atomic
def create_agreement(
    regiotafel: Regiotafel,
    *,
    title: str,
    kind: str,
    topics: Iterable[str],
    parties: Iterable[Organisation],
    valid_from: date,
    scope_kind: str = ScopeKind.REGION,
    scope_subregion: Subregion | None = None,
    scope_organisations: Iterable[Organisation] = (),
    scope_locations: Iterable[Location] = (),
    clause_ids: Iterable[str] = (),
    valid_to: date | None = None,
    review_date: date | None = None,
    summary: str = "",
    in_contract: bool = False,
    contract_reference: str = "",
    document: UploadedFile | None = None,
    by_user=None,
) -> Agreement:
    """Record an agreement with its scope; the document is checked by content before storing."""
    parties = list(parties)
    scope_organisations = list(scope_organisations)
    scope_locations = list(scope_locations)
    if kind not in AgreementKind.values:
        raise InvalidInput(
            "Kies een soort afspraak: medisch-inhoudelijk, organisatorisch of contractering."
        )
    if not parties:
        raise InvalidInput("Een afspraak heeft ten minste één partij.")
    topics = set(topics)
    if topics - set(Topic.values):
        raise InvalidInput(f"Onbekend onderwerp: {', '.join(sorted(topics - set(Topic.values)))}.")
    if scope_kind == ScopeKind.SUBREGION:
        if scope_subregion is None or scope_subregion.region_id != regiotafel.region_id:
            raise InvalidInput("Kies een subregio van deze regio.")
    elif scope_kind == ScopeKind.ORGANISATION and not scope_organisations:
        raise InvalidInput("Kies de organisaties waarvoor de afspraak geldt.")
    elif scope_kind == ScopeKind.LOCATION:
        if not scope_locations:
            raise InvalidInput("Kies de locaties waarvoor de afspraak geldt.")
        outside = [loc.name for loc in scope_locations if loc.region_id != regiotafel.region_id]
        if outside:
            raise InvalidInput(f"Deze locaties liggen buiten de regio: {', '.join(outside)}.")
    if scope_kind != ScopeKind.SUBREGION:
        scope_subregion = None
    agreement = Agreement(
        regiotafel=regiotafel,
        title=title,
        kind=kind,
        topics=sorted(topics, key=Topic.values.index),
        summary=summary,
        scope_kind=scope_kind,
        scope_subregion=scope_subregion,
        clause_ids=list(clause_ids),
        valid_from=valid_from,
        valid_to=valid_to,
        review_date=review_date,
        in_contract=in_contract,
        contract_reference=contract_reference,
        created_by=by_user if getattr(by_user, "pk", None) else None,
    )
    _validated(agreement)
    if document is not None:
        attach_document(agreement, document, save=False)
    agreement.save()
    agreement.parties.set(parties)
    if scope_kind == ScopeKind.ORGANISATION:
        agreement.scope_organisations.set(scope_organisations)
    if scope_kind == ScopeKind.LOCATION:
        agreement.scope_locations.set(scope_locations)
    log.info("afspraak %s vastgelegd voor regiotafel %s", agreement.pk, regiotafel.pk)
    return agreement


def attach_document(agreement: Agreement, upload: UploadedFile, *, save: bool = True) -> None:
    """Check the upload by its bytes, then store it under a random name (models.document_path)."""
    checked = check_document(upload.file, size=upload.size)
    if agreement.document:
        agreement.document.delete(save=False)
    agreement.document_name = (upload.name or "document")[-255:]
    agreement.document_type = checked.content_type
    agreement.document_size = checked.size
    agreement.document_sha256 = checked.sha256
    agreement.document.save(f"document.{checked.extension}", upload, save=save)


# --- knelpunten and the ladder (2.3.3.1.c, 3.3, 3.4) -----------------------------------------


def _responsible_for(knelpunt: Knelpunt, number: int) -> Organisation | None:
    """Who must act on a rung: the party it is about, then the table's zorgkantoor."""
    if number == Step.PARTIJEN:
        if knelpunt.about_organisation_id:
            return knelpunt.about_organisation
        if knelpunt.about_location_id:
            return knelpunt.about_location.organisation
        return None
    return knelpunt.regiotafel.convened_by


def _deadline(number: int, start: date, deadline: date | None) -> date:
    if deadline is not None and deadline < start:
        raise InvalidInput("De termijn ligt voor de startdatum.")
    return deadline or start + timedelta(days=DEFAULT_STEP_DAYS[number])


@transaction.atomic
def raise_knelpunt(
    regiotafel: Regiotafel,
    *,
    title: str,
    description: str,
    raised_by: Organisation,
    about_organisation: Organisation | None = None,
    about_location: Location | None = None,
    clause_ids: Iterable[str] = (),
    finding_refs: Iterable[dict] = (),
    today: date | None = None,
    deadline: date | None = None,
    by_user=None,
) -> Knelpunt:
    """Put a knelpunt on rung 1: the parties address each other first (3.4)."""
    today = _today(today)
    if about_organisation is None and about_location is None and not clause_ids:
        raise InvalidInput("Een knelpunt gaat over een partij, een locatie of een artikel.")
    refs = [_finding_ref(ref) for ref in finding_refs]
    knelpunt = Knelpunt(
        regiotafel=regiotafel,
        title=title,
        description=description,
        raised_by=raised_by,
        about_organisation=about_organisation,
        about_location=about_location,
        clause_ids=list(clause_ids),
        finding_refs=refs,
        raised_on=today,
        created_by=by_user if getattr(by_user, "pk", None) else None,
    )
    _validated(knelpunt)
    knelpunt.save()
    KnelpuntStep.objects.create(
        knelpunt=knelpunt,
        number=Step.PARTIJEN,
        responsible=_responsible_for(knelpunt, Step.PARTIJEN),
        started_on=today,
        deadline=_deadline(Step.PARTIJEN, today, deadline),
    )
    log.info("knelpunt %s ingediend bij regiotafel %s", knelpunt.pk, regiotafel.pk)
    return knelpunt


def _finding_ref(ref: dict) -> dict:
    """A finding is kept as its rule (clause id) and subject: stable across conformance runs."""
    try:
        clean = {
            "rule_id": str(ref["rule_id"]),
            "subject_kind": str(ref["subject_kind"]),
            "subject_id": int(ref["subject_id"]),
        }
    except (KeyError, TypeError, ValueError) as error:
        raise InvalidInput("Een gekoppelde bevinding noemt artikel, soort en id.") from error
    validate_clause_ids([clean["rule_id"]])
    return clean


def _locked(knelpunt: Knelpunt) -> tuple[Knelpunt, KnelpuntStep]:
    fresh = Knelpunt.objects.select_for_update().select_related("regiotafel").get(pk=knelpunt.pk)
    step = fresh.steps.order_by("-id").first()
    return fresh, step


def _move(
    knelpunt: Knelpunt,
    action: str,
    *,
    today: date | None,
    decision: str = "",
    deadline: date | None = None,
    responsible: Organisation | None = None,
    external_body: str = "",
) -> Knelpunt:
    today = _today(today)
    fresh, step = _locked(knelpunt)
    move = ladder.apply(fresh.status, fresh.step, action)
    if action in (Action.ESCALATE, Action.RESOLVE, Action.REOPEN) and not decision.strip():
        raise InvalidInput("Leg het besluit of de reden vast.")
    if action == Action.ESCALATE and move.step == Step.EXTERN and not external_body:
        raise InvalidInput("Kies waarheen wordt opgeschaald: NZa, IGJ, VWS of convenantpartijen.")
    if step is not None and step.closed_on is None and action != Action.DEADLINE_PASSED:
        step.decision = decision or step.decision
        step.closed_on = today
        step.outcome = action
        step.save(update_fields=["decision", "closed_on", "outcome"])
    if action == Action.DEADLINE_PASSED:
        step.overdue_since = today
        step.save(update_fields=["overdue_since"])
    if action in ladder.OPENS_NEW_STEP:
        KnelpuntStep.objects.create(
            knelpunt=fresh,
            number=move.step,
            responsible=responsible or _responsible_for(fresh, move.step),
            external_body=external_body if move.step == Step.EXTERN else "",
            started_on=today,
            deadline=_deadline(move.step, today, deadline),
        )
    fresh.status, fresh.step = move.status, move.step
    fresh.save(update_fields=["status", "step"])
    log.info("knelpunt %s: %s → trede %s, %s", fresh.pk, action, move.step, move.status)
    return fresh


@transaction.atomic
def escalate(
    knelpunt: Knelpunt,
    *,
    decision: str,
    today: date | None = None,
    deadline: date | None = None,
    responsible: Organisation | None = None,
    external_body: str = "",
) -> Knelpunt:
    """One rung up; the decision closes the current rung (why it was not solved there)."""
    return _move(
        knelpunt,
        Action.ESCALATE,
        today=today,
        decision=decision,
        deadline=deadline,
        responsible=responsible,
        external_body=external_body,
    )


@transaction.atomic
def resolve(knelpunt: Knelpunt, *, decision: str, today: date | None = None) -> Knelpunt:
    return _move(knelpunt, Action.RESOLVE, today=today, decision=decision)


@transaction.atomic
def reopen(
    knelpunt: Knelpunt, *, reason: str, today: date | None = None, deadline: date | None = None
) -> Knelpunt:
    """The problem came back: same rung, a fresh deadline."""
    return _move(knelpunt, Action.REOPEN, today=today, decision=reason, deadline=deadline)


@transaction.atomic
def extend(
    knelpunt: Knelpunt, *, deadline: date, reason: str = "", today: date | None = None
) -> Knelpunt:
    if deadline is None:
        raise InvalidInput("Geef een nieuwe termijn.")
    return _move(knelpunt, Action.EXTEND, today=today, decision=reason, deadline=deadline)


def mark_overdue(today: date | None = None) -> list[int]:
    """Flag every open knelpunt whose current deadline has passed; returns their ids."""
    today = _today(today)
    flagged = []
    candidates = Knelpunt.objects.filter(
        status=KnelpuntStatus.OPEN, steps__closed_on__isnull=True, steps__deadline__lt=today
    ).distinct()
    for knelpunt in candidates:
        with transaction.atomic():
            fresh, step = _locked(knelpunt)
            if fresh.status == KnelpuntStatus.OPEN and step.is_overdue(today):
                _move(fresh, Action.DEADLINE_PASSED, today=today)
                flagged.append(fresh.pk)
    return flagged


def recipients_for(step: KnelpuntStep, today: date) -> list[str]:
    """The responsible party's current representatives at this table, else its secretariat."""
    table = step.knelpunt.regiotafel
    emails: set[str] = set()
    if step.responsible_id:
        emails = {
            m.email
            for m in table.members.filter(organisation_id=step.responsible_id)
            if m.email and (m.end is None or m.end >= today)
        }
    if not emails and table.contact_email:
        emails = {table.contact_email}
    return sorted(emails)


def send_overdue_reminders(today: date | None = None) -> list[tuple[int, list[str]]]:
    """Mail each overdue rung once. Idempotent: a rung is claimed (overdue_mailed_at set)
    before its mail goes out, so two runs never mail it twice."""
    today = _today(today)
    mark_overdue(today)
    sent: list[tuple[int, list[str]]] = []
    for step in overdue_steps(today=today).filter(overdue_mailed_at__isnull=True):
        recipients = recipients_for(step, today)
        if not recipients:
            log.warning(
                "knelpunt %s: geen e-mailadres voor de verantwoordelijke partij", step.knelpunt_id
            )
            continue
        claimed = KnelpuntStep.objects.filter(pk=step.pk, overdue_mailed_at__isnull=True).update(
            overdue_mailed_at=timezone.now()
        )
        if not claimed:
            continue
        knelpunt = step.knelpunt
        send_mail(
            subject=f"Termijn verstreken: knelpunt '{knelpunt.title}'",
            message=(
                f"De termijn voor het knelpunt '{knelpunt.title}' van {knelpunt.regiotafel} "
                f"is verstreken op {step.deadline:%d-%m-%Y}.\n\n"
                f"Trede: {step.get_number_display()}\n"
                f"Verantwoordelijke partij: {step.responsible or knelpunt.regiotafel}\n\n"
                "Leg een besluit vast, los het knelpunt op of escaleer het naar de volgende trede."
            ),
            from_email=None,
            recipient_list=recipients,
        )
        sent.append((step.pk, recipients))
    return sent


# --- activity counts for funding transparency (4.1.1) ----------------------------------------


@transaction.atomic
def record_activity_count(
    regiotafel: Regiotafel,
    organisation: Organisation,
    kind: str,
    *,
    period_start: date,
    period_end: date,
    count: int,
) -> ActivityCount:
    """Enter (or correct) what the platform cannot see itself, e.g. MDO's and ANW contacts."""
    if kind not in ActivityKind.values:
        raise InvalidInput("Onbekende activiteit.")
    if count < 0:
        raise InvalidInput("Een aantal is nul of meer.")
    if period_end < period_start:
        raise InvalidInput("De periode eindigt voor ze begint.")
    entry, _ = ActivityCount.objects.update_or_create(
        regiotafel=regiotafel,
        organisation=organisation,
        kind=kind,
        period_start=period_start,
        period_end=period_end,
        defaults={"count": count, "source": ActivitySource.HANDMATIG},
    )
    return entry
