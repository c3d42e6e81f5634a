"""`mgz fhir_export CODE`: the HAP Bundle of one patient as FHIR R4 (nl-core), JSON or XML."""

from __future__ import annotations

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from mgz.audit.constants import Action
from mgz.audit.models import AuditEvent
from mgz.exchange.fhir.fhir_export import patient_bundle
from mgz.exchange.workbook.services import command_user
from mgz.registry.models import Patient


class Command(BaseCommand):
    help = (
        "Schrijft alles wat een HAP over één cliënt nodig heeft als FHIR-Bundle (nl-core, "
        "zib 2020). Het bestand bevat een BSN: bewaar het als medisch gegeven."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument("code", help="code van de cliënt")
        parser.add_argument("--formaat", choices=["json", "xml"], default="json")
        parser.add_argument("--uitvoer", type=Path, help="bestand (standaard: het scherm)")
        parser.add_argument("--reden", default="FHIR-export via de commandoregel")
        parser.add_argument("--gebruiker", default=command_user(), help="naam voor het auditlog")

    def handle(
        self,
        *args,
        code: str,
        formaat: str,
        uitvoer: Path | None,
        reden: str,
        gebruiker: str,
        **options,
    ) -> None:
        patient = Patient.objects.filter(code=code).first()
        if patient is None:
            raise CommandError(f"Cliënt {code} bestaat niet.")
        bundle = patient_bundle(patient)
        if formaat == "xml":
            text = _text(bundle.model_dump_xml())
        else:
            text = bundle.model_dump_json(indent=2)
        AuditEvent.objects.create(
            username=gebruiker,
            patient_id=patient.id,
            patient_code=patient.code,
            action=Action.EXPORT,
            reason=reden,
        )
        if uitvoer:
            uitvoer.write_text(text, encoding="utf-8")
            self.stdout.write(
                self.style.SUCCESS(f"{len(bundle.entry or [])} resources naar {uitvoer}.")
            )
        else:
            self.stdout.write(text)


def _text(xml: str | bytes) -> str:
    """fhir.resources hands XML back as UTF-8 bytes (its annotation says str)."""
    return xml.decode("utf-8") if isinstance(xml, bytes) else xml
