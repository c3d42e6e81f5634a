"""Export -> import into an emptied database -> export gives the same data, in both formats."""

from __future__ import annotations

import pytest

from mgz.exchange.workbook.format import SHEETS
from mgz.exchange.workbook.services import export_workbook, import_workbook
from mgz.registry.models import Patient

from .conftest import counts, empty_database, read_table

FORMATS = ["werkmap.xlsx", "werkmap_csv"]


@pytest.mark.parametrize("name", FORMATS)
def test_export_import_export_gives_identical_data(world, tmp_path, name):
    first, second = tmp_path / "1" / name, tmp_path / "2" / name
    export_workbook(first)
    before = counts()
    empty_database()
    assert set(counts().values()) == {0}

    result = import_workbook(first)

    assert counts() == before
    assert {sheet: c.created for sheet, c in result.items()} == {
        "regios": 2,
        "subregios": 2,
        "organisaties": 4,
        "locaties": 2,
        "zorgverleners": 4,
        "rollen": 2,
        "clienten": 2,
        "contactpersonen": 2,
        "behandelteam": 3,
        "afspraken": 5,
        "afwezigheden": 2,
    }
    export_workbook(second)
    assert read_table(second) == read_table(first)


@pytest.mark.parametrize("name", FORMATS)
def test_the_world_fills_every_column_so_the_round_trip_covers_every_field(world, tmp_path, name):
    export_workbook(tmp_path / name)
    table = read_table(tmp_path / name)
    for sheet in SHEETS:
        header, *rows = table[sheet.name]
        assert header == [column.header for column in sheet.columns]
        for index, column in enumerate(sheet.columns):
            assert any(row[index] for row in rows), (
                f"{sheet.name}.{column.header} is nergens gevuld"
            )


def test_round_trip_keeps_bsn_many_to_many_and_moments(world, tmp_path):
    path = tmp_path / "werkmap.xlsx"
    export_workbook(path)
    empty_database()
    import_workbook(path)

    patient = Patient.objects.get(code="CL-1")
    assert patient.bsn == "999990007"
    assert patient.sector == "vv"
    arrangement = patient.location.arrangements.get()
    assert sorted(arrangement.locations.values_list("code", flat=True)) == ["LOC-1", "LOC-2"]
    absence = arrangement.professional.absences.get()
    assert absence.replacement.code == "ZV-AVG"
    assert absence.start.isoformat() == "2026-07-01T06:00:00+00:00"  # 08:00 Dutch summer time


def test_export_writes_bsn_in_plain_text_and_dates_as_real_dates(world, tmp_path):
    from openpyxl import load_workbook

    path = tmp_path / "werkmap.xlsx"
    export_workbook(path)
    ws = load_workbook(path)["clienten"]
    header = [cell.value for cell in ws[1]]
    row = [cell for cell in ws[2]]
    assert row[header.index("bsn")].value == "999990007"
    assert row[header.index("geboortedatum")].is_date
