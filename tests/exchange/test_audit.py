"""Workbook exports and imports leave one audit record per patient whose data was read or changed."""

from __future__ import annotations

from io import StringIO

from django.core.management import call_command

from mgz.audit.models import AuditEvent
from mgz.exchange.workbook.services import export_workbook, import_workbook

from .conftest import read_table, write_table


def test_export_records_every_patient(world, tmp_path):
    call_command("export", "--gebruiker", "beheerder", tmp_path / "werkmap.xlsx", stdout=StringIO())

    events = AuditEvent.objects.filter(action="export").order_by("patient_code")
    assert [(e.patient_code, e.username) for e in events] == [
        ("CL-1", "beheerder"),
        ("CL-2", "beheerder"),
    ]
    assert events[0].reason == "werkmap-export naar werkmap.xlsx"


def test_import_records_only_patients_whose_data_changed(world, tmp_path):
    export_workbook(tmp_path / "werkmap_csv")
    import_workbook(tmp_path / "werkmap_csv", username="regio")
    assert not AuditEvent.objects.filter(action="change").exists()

    table = read_table(tmp_path / "werkmap_csv")
    header = table["contactpersonen"][0]
    table["contactpersonen"][1][header.index("relatie")] = "schoonzoon"  # a contact of CL-1
    write_table(tmp_path / "gewijzigd_csv", table)
    import_workbook(tmp_path / "gewijzigd_csv", username="regio")

    [event] = AuditEvent.objects.filter(action="change")
    assert (event.patient_code, event.username) == ("CL-1", "regio")
    assert event.reason == "werkmap-import uit gewijzigd_csv"
