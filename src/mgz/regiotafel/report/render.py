"""The report as an HTML page and as a PDF (WeasyPrint); both from one template."""

from __future__ import annotations

from pathlib import Path

from django.template.loader import render_to_string

from mgz.regiotafel.constants import PartyKind
from mgz.regiotafel.report.build import Report

CSS = Path(__file__).resolve().parents[1] / "static" / "regiotafel" / "report.css"


def render_html(report: Report, *, inline_css: bool = False) -> str:
    """The page; the PDF inlines its stylesheet, the browser fetches it (strict CSP)."""
    return render_to_string(
        "regiotafel/report.html",
        {
            "report": report,
            "inline_css": CSS.read_text(encoding="utf-8") if inline_css else "",
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

    return HTML(
        string=render_html(report, inline_css=True), base_url=None, url_fetcher=_no_fetch
    ).write_pdf()


def _no_fetch(url: str, *args, **kwargs):
    raise ValueError(f"Het rapport haalt geen externe bronnen op ({url}).")
