"""Writing and reading the patient handover (patiëntenoverdracht, 2.1.3.e).

Only the regiebehandelaar MGZ or the patient's gedragskundige (a behavioural professional in
the patient's care team) writes it. Every save is a new version; the latest version is what
the HAP, the GP practice and the location see, and what routing's 'Wie bel ik nu?' shows.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from django.db import IntegrityError, transaction
from django.db.models import Max, Q
from django.utils import timezone

from mgz.handover.constants import (
    DENY_LINES,
    PERMIT_LINES,
    AdvanceDirectiveKind,
    AuthorRole,
    Decision,
    Treatment,
)
from mgz.handover.errors import Conflict, HandoverError, NotAllowed
from mgz.handover.models import AdvanceDirective, HandoverDocument, TreatmentDirective
from mgz.handover.transfers import current_regiebehandelaar
from mgz.registry.constants import BEHAVIOURAL_DISCIPLINES
from mgz.registry.models import CareTeamMember, Patient, Professional


@dataclass(frozen=True)
class DirectiveInput:
    treatment: str
    decision: str
    conditions: str = ""
    treatment_text: str = ""
    specification: str = ""
    agreed_on: date | None = None
    expired_on: date | None = None
    reason_for_ending: str = ""


@dataclass(frozen=True)
class AdvanceDirectiveInput:
    kind: str
    signed_on: date | None = None
    representative: str = ""
    comment: str = ""
    kind_text: str = ""


@dataclass(frozen=True)
class DocumentInput:
    review_date: date
    directives: list[DirectiveInput] = field(default_factory=list)
    advance_directives: list[AdvanceDirectiveInput] = field(default_factory=list)
    bejegeningsadvies: str = ""
    normaal_gedrag: str = ""
    note: str = ""


def author_role(
    patient: Patient, professional: Professional, day: date | None = None
) -> str | None:
    """On what ground this professional may write the handover, or None (2.1.3.e)."""
    day = day or timezone.localdate()
    current = current_regiebehandelaar(patient, day)
    if current and current.professional_id == professional.pk:
        return AuthorRole.REGIEBEHANDELAAR
    if professional.discipline in BEHAVIOURAL_DISCIPLINES and (
        CareTeamMember.objects.filter(patient=patient, professional=professional, start__lte=day)
        .filter(Q(end__isnull=True) | Q(end__gte=day))
        .exists()
    ):
        return AuthorRole.GEDRAGSKUNDIGE
    return None


def write_document(
    patient: Patient, *, author: Professional | None, data: DocumentInput, imported: bool = False
) -> HandoverDocument:
    """Save a new version. `imported` versions come from a FHIR message and carry no author."""
    if imported:
        role = AuthorRole.IMPORT
    else:
        if author is None:
            raise NotAllowed("2.1.3.e", "Een overdracht heeft een auteur.")
        role = author_role(patient, author)
        if role is None:
            raise NotAllowed(
                "2.1.3.e",
                "Alleen de regiebehandelaar MGZ of de gedragskundige van de cliënt schrijft de "
                "patiëntenoverdracht.",
            )
    _validate(data)
    try:
        with transaction.atomic():
            latest = patient.handover_documents.aggregate(v=Max("version"))["v"] or 0
            document = HandoverDocument.objects.create(
                patient=patient,
                version=latest + 1,
                author=author,
                author_role=role,
                review_date=data.review_date,
                bejegeningsadvies=data.bejegeningsadvies.strip(),
                normaal_gedrag=data.normaal_gedrag.strip(),
                note=data.note.strip(),
            )
            TreatmentDirective.objects.bulk_create(
                TreatmentDirective(
                    document=document,
                    treatment=d.treatment,
                    treatment_text=d.treatment_text.strip(),
                    decision=d.decision,
                    specification=d.specification.strip(),
                    conditions=d.conditions.strip(),
                    agreed_on=d.agreed_on,
                    expired_on=d.expired_on,
                    reason_for_ending=d.reason_for_ending.strip(),
                )
                for d in data.directives
            )
            AdvanceDirective.objects.bulk_create(
                AdvanceDirective(
                    document=document,
                    kind=a.kind,
                    kind_text=a.kind_text.strip(),
                    signed_on=a.signed_on,
                    representative=a.representative.strip(),
                    comment=a.comment.strip(),
                )
                for a in data.advance_directives
            )
    except IntegrityError as error:
        # Two authors saving at once both chose the same next version number.
        raise Conflict(
            "versie", "Iemand anders sloeg net een versie op; probeer opnieuw."
        ) from error
    return document


def _validate(data: DocumentInput) -> None:
    seen: set[tuple[str, str]] = set()
    for d in data.directives:
        if d.treatment not in Treatment.values:
            raise HandoverError("behandeling", f"Onbekende behandeling '{d.treatment}'.")
        if d.decision not in Decision.values:
            raise HandoverError("besluit", f"Onbekend besluit '{d.decision}'.")
        if d.treatment == Treatment.ANDERS and not d.treatment_text.strip():
            raise HandoverError("behandeling", "Beschrijf de behandeling bij 'Anders'.")
        if d.decision == Decision.ANDERS and not d.specification.strip():
            raise HandoverError("besluit", "Specificeer het besluit bij 'Anders'.")
        key = (d.treatment, d.treatment_text.strip().lower())
        if key in seen and d.expired_on is None:
            raise HandoverError(
                "behandeling", "Elke behandeling staat maar één keer in de overdracht."
            )
        seen.add(key)
    for a in data.advance_directives:
        if a.kind not in AdvanceDirectiveKind.values:
            raise HandoverError("wilsverklaring", f"Onbekende soort wilsverklaring '{a.kind}'.")


def latest_document(patient: Patient) -> HandoverDocument | None:
    return (
        patient.handover_documents.select_related("author")
        .prefetch_related("directives", "advance_directives")
        .order_by("-version")
        .first()
    )


def directive_line(directive: TreatmentDirective) -> str:
    """The short Dutch line the HAP reads, e.g. 'Niet reanimeren'."""
    if directive.decision == Decision.ANDERS:
        line = f"{directive.treatment_label}: {directive.specification}"
    elif directive.treatment == Treatment.ANDERS:
        verb = "Wel" if directive.decision == Decision.PERMIT else "Geen"
        line = f"{verb}: {directive.treatment_text}"
    else:
        lines = PERMIT_LINES if directive.decision == Decision.PERMIT else DENY_LINES
        line = lines[directive.treatment]
    if directive.conditions:
        line += f" ({directive.conditions})"
    return line


def active_directives(
    document: HandoverDocument, day: date | None = None
) -> list[TreatmentDirective]:
    day = day or timezone.localdate()
    return [d for d in document.directives.all() if d.expired_on is None or d.expired_on >= day]


def handover_summary(patient: Patient, *, today: date | None = None) -> dict | None:
    """What routing and the pages show next to 'who to call': None when there is no handover."""
    document = latest_document(patient)
    if document is None:
        return None
    day = today or timezone.localdate()
    return {
        "version": document.version,
        "created_at": document.created_at,
        "author": str(document.author) if document.author else "",
        "author_role": document.get_author_role_display(),
        "review_date": document.review_date,
        "review_overdue": document.review_date < day,
        "behandelgrenzen": [directive_line(d) for d in active_directives(document, day)],
        "wilsverklaringen": [
            a.kind_text or a.get_kind_display() for a in document.advance_directives.all()
        ],
        "bejegeningsadvies": document.bejegeningsadvies,
        "normaal_gedrag": document.normaal_gedrag,
        "contacts": [
            {"name": c.name, "relation": c.relation, "phone": c.phone, "first": c.is_first_contact}
            for c in patient.contacts.order_by("-is_first_contact", "name")
        ],
    }
