"""`mgz regiotafel_demo`: give every demo region a regiotafel (run after `mgz demo`)."""

from __future__ import annotations

from datetime import date

from django.core.management.base import BaseCommand, CommandParser
from django.utils import timezone

from mgz.regiotafel.demo import ensure_demo_regiotafels


class Command(BaseCommand):
    help = "Maakt voor elke regio zonder regiotafel een demo-regiotafel met leden, afspraken en knelpunten."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--today", type=date.fromisoformat, default=None)

    def handle(self, *args, today: date | None = None, **options) -> None:
        made = ensure_demo_regiotafels(today=today or timezone.localdate())
        self.stdout.write(self.style.SUCCESS(f"{len(made)} regiotafel(s) aangemaakt."))
