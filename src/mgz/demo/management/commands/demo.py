"""`mgz demo`: load the synthetic Netherlands (see docs/data-sources.md)."""

from __future__ import annotations

from datetime import date

from django.apps import apps
from django.core.management.base import BaseCommand, CommandError, CommandParser

from mgz.demo.generator import IMPERFECTION_LABELS
from mgz.demo.loader import SCALES, Summary, generate, region_plan
from mgz.registry.models import Patient, Region
from mgz.routing.services import invalidate as routing_invalidate


class Command(BaseCommand):
    help = (
        "Laadt een synthetisch Nederland: regio's, organisaties, locaties, zorgverleners, "
        "Wlz-cliënten, behandelteams en beschikbaarheidsafspraken, met bewust geplante "
        "tekortkomingen. Alle namen, adressen en BSN's (reeks 99…) zijn verzonnen."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--scale",
            choices=SCALES,
            default="region",
            help="tiny: enkele tientallen cliënten; region: één zorgkantoorregio (~11.000 "
            "cliënten); national: alle 31 regio's (~360.000 cliënten)",
        )
        parser.add_argument("--seed", type=int, default=1, help="zelfde seed, zelfde data")
        parser.add_argument(
            "--if-empty",
            action="store_true",
            help="doe niets als er al cliënten in de database staan",
        )
        parser.add_argument(
            "--today",
            type=date.fromisoformat,
            default=None,
            help="peildatum (JJJJ-MM-DD) waar datums van afhangen; standaard vandaag",
        )

    def handle(self, *args: object, **options: object) -> None:
        if Patient.objects.exists():
            if options["if_empty"]:
                self.stdout.write("Er staan al cliënten in de database; demo-data niet geladen.")
                return
            raise CommandError(
                "De database bevat al cliënten. Laad de demo-data in een lege database, "
                "of gebruik --if-empty."
            )
        scale = str(options["scale"])
        codes = [spec.code for spec, _, _ in region_plan(scale)]
        if Region.objects.filter(code__in=codes).exists():
            raise CommandError(
                f"De database bevat al een regio met code {', '.join(codes[:3])}"
                f"{'…' if len(codes) > 3 else ''}; laad de demo-data in een lege database."
            )
        summary = generate(
            scale,
            int(options["seed"]),  # type: ignore[arg-type]
            today=options["today"],  # type: ignore[arg-type]
            progress=scale == "national" and int(options["verbosity"]) > 0,  # type: ignore[arg-type]
        )
        # The bulk writer sends no model signals: tell running processes their routing
        # index is stale.
        routing_invalidate()
        self._report(summary)

    def _report(self, summary: Summary) -> None:
        out = self.stdout
        regions = len(summary.regions)
        out.write(
            f"Synthetisch Nederland geladen (schaal {summary.scale}, seed {summary.seed}, "
            f"{regions} {'regio' if regions == 1 else 'regio' + chr(39) + 's'}) "
            f"in {summary.seconds:.1f} s."
        )
        out.write("Aangemaakt:")
        for label, count in summary.rows.items():
            app_label, _, model_name = label.partition(".")
            try:
                name = apps.get_model(app_label, model_name)._meta.verbose_name_plural
            except LookupError:
                name = label
            out.write(f"  {count:>9,}  {name}".replace(",", "."))
        out.write("Bewust geplante tekortkomingen (voor de toetsing):")
        for kind, codes in summary.planted.items():
            out.write(f"  {len(codes):>9,}  {IMPERFECTION_LABELS[kind]}".replace(",", "."))
        out.write(
            "Let op: dit zijn verzonnen gegevens. Namen, adressen, telefoonnummers en BSN's "
            "(allemaal beginnend met 99) horen bij geen echte persoon."
        )
