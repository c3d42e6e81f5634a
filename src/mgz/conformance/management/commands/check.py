"""mgz check: toets de convenantregels en toon per regel een samenvatting en de bevindingen.

Overrides Django's system `check` command on purpose: in this project `mgz check` is the
covenant check the issue asks for (the system checks run with `django-admin check`).
"""

from __future__ import annotations

import sys
from datetime import date

from django.core.management.base import BaseCommand, CommandError, CommandParser

from mgz.conformance import render, services


def _date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise CommandError(f"'{text}' is geen datum (verwacht JJJJ-MM-DD)") from None


class Command(BaseCommand):
    help = (
        "Toets elke controleerbare convenantregel voor alle cliënten, locaties, organisaties en "
        "regio's (of een deel) en meld de gaten als tijdvakken. Exitcode 1 bij een fout."
    )
    requires_system_checks = []

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--region", help="code van de zorgkantoorregio")
        parser.add_argument("--location", help="code van de locatie")
        parser.add_argument("--patient", help="code van de cliënt")
        parser.add_argument("--from", dest="start", type=_date, help="eerste dag (JJJJ-MM-DD)")
        parser.add_argument("--days", type=int, default=28, help="aantal dagen (standaard 28)")
        parser.add_argument("--format", choices=("text", "json", "csv"), default="text")
        parser.add_argument("--no-store", action="store_true", help="de toetsing niet opslaan")
        parser.add_argument(
            "--limit", type=int, default=200, help="bevindingen in tekst (0 = alle)"
        )

    def handle(self, *args, **options) -> None:
        if options["days"] < 1 or options["days"] > 366:
            raise CommandError("--days moet tussen 1 en 366 liggen")
        try:
            outcome = services.run_check(
                region=options["region"],
                location=options["location"],
                patient=options["patient"],
                start=options["start"],
                days=options["days"],
                store=not options["no_store"],
            )
        except services.ScopeError as error:
            raise CommandError(str(error)) from error
        fmt = options["format"]
        if fmt == "json":
            text = render.as_json(outcome)
        elif fmt == "csv":
            text = render.as_csv(outcome)
        else:
            text = render.as_text(outcome, limit=options["limit"] or None)
        self.stdout.write(text, ending="")
        self.stdout.flush()
        if outcome.exit_code:
            sys.exit(outcome.exit_code)
