"""`mgz workbook_docs [FILE]`: render the workbook documentation from the format table."""

from __future__ import annotations

from pathlib import Path

from django.core.management.base import BaseCommand

from mgz.exchange.workbook.docs import render_markdown


class Command(BaseCommand):
    help = "Schrijft de documentatie van het werkmapformaat (docs/workbook.md) uit de formaattabel."

    def add_arguments(self, parser) -> None:
        parser.add_argument("file", type=Path, nargs="?", help="doelbestand; zonder: naar stdout")

    def handle(self, *args, file: Path | None, **options) -> None:
        text = render_markdown()
        if file is None:
            self.stdout.write(text, ending="")
        else:
            file.write_text(text, encoding="utf-8")
