"""`mgz import FILE`: import a region workbook (.xlsx) or a folder of CSV files."""

from __future__ import annotations

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from mgz.exchange.workbook.problems import WorkbookInvalid
from mgz.exchange.workbook.services import check_workbook, command_user, import_workbook


class Command(BaseCommand):
    help = (
        "Importeert een werkmap (.xlsx) of een map met CSV-bestanden. Alles wordt eerst "
        "gecontroleerd; bij één probleem wordt niets geïmporteerd."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument(
            "--gebruiker",
            default=command_user(),
            help="naam voor het auditlog (standaard: de OS-gebruiker)",
        )
        parser.add_argument("file", type=Path, help="werkmap (.xlsx) of map met CSV-bestanden")
        parser.add_argument(
            "--check", action="store_true", help="alleen controleren, niets opslaan"
        )

    def handle(self, *args, file: Path, check: bool, gebruiker: str, **options) -> None:
        if not file.exists():
            raise CommandError(f"'{file}' bestaat niet")
        try:
            counts = check_workbook(file) if check else import_workbook(file, username=gebruiker)
        except WorkbookInvalid as invalid:
            for problem in invalid.problems:
                self.stderr.write(str(problem))
            found = len(invalid.problems)
            noun = "probleem" if found == 1 else "problemen"
            raise CommandError(f"{found} {noun} gevonden; er is niets geïmporteerd") from None
        for sheet, count in counts.items():
            self.stdout.write(f"{sheet}: {count}" + (" rijen" if check else ""))
        self.stdout.write(self.style.SUCCESS("Gecontroleerd." if check else "Geïmporteerd."))
