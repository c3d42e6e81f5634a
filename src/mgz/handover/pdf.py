"""The one-page handover PDF for the HAP and the location, rendered by WeasyPrint from a
Django template (no network: fonts and styles are local, no external URLs are fetched)."""

from __future__ import annotations

from datetime import date

from django.template.loader import render_to_string
from django.utils import timezone

from mgz.handover.documents import active_directives, directive_line
from mgz.handover.models import HandoverDocument
from mgz.handover.transfers import current_regiebehandelaar


def document_context(document: HandoverDocument, *, today: date | None = None) -> dict:
    day = today or timezone.localdate()
    patient = document.patient
    regie = current_regiebehandelaar(patient, day)
    return {
        "document": document,
        "patient": patient,
        "regiebehandelaar": regie.professional if regie else None,
        "lines": [
            {"text": directive_line(d), "deny": d.decision == "deny"}
            for d in active_directives(document, day)
        ],
        "advance_directives": list(document.advance_directives.all()),
        "contacts": list(patient.contacts.order_by("-is_first_contact", "name")),
        "review_overdue": document.review_date < day,
        "printed_on": day,
    }


def render_pdf(document: HandoverDocument, *, today: date | None = None) -> bytes:
    from weasyprint import HTML  # heavy import; only when a PDF is asked for

    html = render_to_string("handover/document_pdf.html", document_context(document, today=today))
    return HTML(string=html, url_fetcher=_no_fetch).write_pdf()


def _no_fetch(url: str, *args, **kwargs):
    # Medical data: a PDF never makes the server fetch anything from elsewhere.
    raise ValueError(f"Externe bron geweigerd: {url}")
