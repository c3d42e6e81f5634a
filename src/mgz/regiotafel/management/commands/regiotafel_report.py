"""`mgz regiotafel_report <id>`: write the meeting report of one regiotafel as PDF (or HTML)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError, CommandParser

from mgz.regiotafel.models import Regiotafel
from mgz.regiotafel.report.build import build_report
from mgz.regiotafel.report.render import render_html, render_pdf


class Command(BaseCommand):
    help = "Schrijf het vergaderrapport van een regiotafel als PDF (of HTML met --html)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("regiotafel", type=int, help="id van de regiotafel")
        parser.add_argument("--out", type=Path, required=True, help="uitvoerbestand")
        parser.add_argument("--peildatum", type=date.fromisoformat, default=None)
        parser.add_argument("--html", action="store_true", help="HTML in plaats van PDF")

    def handle(self, *args, regiotafel: int, out: Path, peildatum, html: bool, **options) -> None:
        table = Regiotafel.objects.filter(pk=regiotafel).first()
        if table is None:
            raise CommandError(f"Regiotafel {regiotafel} bestaat niet.")
        report = build_report(table, as_of=peildatum)
        if html:
            out.write_text(render_html(report, inline_css=True), encoding="utf-8")
        else:
            out.write_bytes(render_pdf(report))
        self.stdout.write(self.style.SUCCESS(f"Rapport geschreven naar {out}."))
