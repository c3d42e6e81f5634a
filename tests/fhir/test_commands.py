"""`mgz fhir_export` and `mgz fhir_import`: the same export and import from the command line,
with an audit record."""

from __future__ import annotations

from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from mgz.audit.models import AuditEvent
from tests.fhir.conftest import example


def test_export_then_import_and_store(fhir_world, tmp_path):
    patient = fhir_world.patient
    path = tmp_path / "bundle.xml"
    call_command("fhir_export", patient.code, formaat="xml", uitvoer=path, stdout=StringIO())
    assert path.read_text().startswith("<?xml")
    assert AuditEvent.objects.filter(patient_code=patient.code, action="export").exists()
    patient.contacts.all().delete()
    out = StringIO()
    call_command("fhir_import", str(path), opslaan=True, stdout=out, stderr=StringIO())
    assert "2 contactpersonen, overdracht versie 2" in out.getvalue()
    assert patient.contacts.count() == 2


def test_import_shows_ignored_and_refused(tmp_path):
    out = StringIO()
    call_command(
        "fhir_import", str(example("nl-core-AdvanceDirective-01-Condition-01")), stdout=out
    )
    assert "genegeerd" in out.getvalue()


def test_unknown_patient(db):
    with pytest.raises(CommandError):
        call_command("fhir_export", "bestaat-niet", stdout=StringIO())
