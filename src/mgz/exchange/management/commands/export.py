"""`mgz export FILE`: write all registry and availability data as a workbook or CSV folder."""

from __future__ import annotations

from pathlib import Path

from django.core.management.base import BaseCommand

from mgz.exchange.workbook.services import command_user, export_workbook


class Command(BaseCommand):
    help = (
        "Schrijft alle gegevens als werkmap (.xlsx) of als map met CSV-bestanden. "
        "Het bestand bevat BSN's: bewaar het als medisch gegeven."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument(
            "--gebruiker",
            default=command_user(),
            help="naam voor het auditlog (standaard: de OS-gebruiker)",
        )
        parser.add_argument("file", type=Path, help="werkmap (.xlsx) of map voor CSV-bestanden")

    def handle(self, *args, file: Path, gebruiker: str, **options) -> None:
        for sheet, count in export_workbook(file, username=gebruiker).items():
            self.stdout.write(f"{sheet}: {count} rijen")
        self.stdout.write(self.style.SUCCESS(f"Geëxporteerd naar {file}."))
