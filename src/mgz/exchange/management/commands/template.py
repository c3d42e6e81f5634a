"""`mgz template FILE`: an empty workbook with headers and one example row per sheet."""

from __future__ import annotations

from pathlib import Path

from django.core.management.base import BaseCommand

from mgz.exchange.workbook.services import write_template


class Command(BaseCommand):
    help = "Schrijft een lege werkmap (.xlsx) of CSV-map met kolomkoppen en één voorbeeldrij per tabblad."

    def add_arguments(self, parser) -> None:
        parser.add_argument("file", type=Path, help="werkmap (.xlsx) of map voor CSV-bestanden")

    def handle(self, *args, file: Path, **options) -> None:
        write_template(file)
        self.stdout.write(self.style.SUCCESS(f"Sjabloon geschreven naar {file}."))
