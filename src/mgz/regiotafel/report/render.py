"""The report as an HTML page and as a PDF (WeasyPrint); both from one template."""

from __future__ import annotations

from django.template.loader import render_to_string

from mgz.regiotafel.constants import PartyKind
from mgz.regiotafel.report.build import Report


def render_html(report: Report) -> str:
    return render_to_string(
        "regiotafel/report.html",
        {
            "report": report,
            "missing_kinds": [
                PartyKind(kind).label
                for kind in (PartyKind.SO, PartyKind.AVG)
                if kind not in report.seated_kinds
            ],
        },
    )


def render_pdf(report: Report) -> bytes:
    """The same HTML laid out for A4; no external resources are fetched."""
    from weasyprint import HTML

    return HTML(string=render_html(report), base_url=None, url_fetcher=_no_fetch).write_pdf()


def _no_fetch(url: str, *args, **kwargs):
    raise ValueError(f"Het rapport haalt geen externe bronnen op ({url}).")
