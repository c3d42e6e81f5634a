"""`mgz fhir_import FILE`: read a FHIR R4 resource or Bundle (JSON or XML) and show what the
platform takes from it; with --opslaan, store one known patient's contacts and handover."""

from __future__ import annotations

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from mgz.audit.constants import Action
from mgz.audit.models import AuditEvent
from mgz.exchange.fhir import fhir_import as fi
from mgz.exchange.workbook.services import command_user


class Command(BaseCommand):
    help = (
        "Leest een FHIR-bericht (nl-core) en toont de gegevens die het platform gebruikt, en wat "
        "genegeerd of geweigerd is. Met --opslaan worden contactpersonen, behandelgrenzen en "
        "wilsverklaringen van een bekende cliënt (op BSN) opgeslagen als nieuwe overdrachtsversie."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument("file", type=Path)
        parser.add_argument("--opslaan", action="store_true")
        parser.add_argument("--gebruiker", default=command_user(), help="naam voor het auditlog")

    def handle(self, *args, file: Path, opslaan: bool, gebruiker: str, **options) -> None:
        try:
            result = fi.read(file.read_bytes())
        except (OSError, fi.FhirInputError) as error:
            raise CommandError(str(error)) from error
        for fact in result.facts:
            self.stdout.write(f"gelezen  {type(fact).__name__:<24} {fact.ref}")
        for problem in result.problems:
            label = "GEWEIGERD" if problem.refused else "genegeerd"
            self.stdout.write(f"{label:<8} {problem.ref}: {problem.message}")
        if not opslaan:
            return
        report = fi.store(result)
        for message in report.messages:
            self.stderr.write(message)
        if report.patient is None:
            raise CommandError("Niets opgeslagen.")
        AuditEvent.objects.create(
            username=gebruiker,
            patient_id=report.patient.id,
            patient_code=report.patient.code,
            action=Action.CHANGE,
            reason=f"FHIR-import uit {file.name}",
        )
        version = (
            f", overdracht versie {report.handover_version}" if report.handover_version else ""
        )
        self.stdout.write(
            self.style.SUCCESS(
                f"Opgeslagen voor {report.patient.code}: {report.contacts_added} contactpersonen{version}."
            )
        )
