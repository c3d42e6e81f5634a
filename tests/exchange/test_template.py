"""The template: headers and one example row per sheet, which together import cleanly."""

from __future__ import annotations

import pytest

from mgz.exchange.workbook.format import SHEETS
from mgz.exchange.workbook.services import export_workbook, import_workbook, write_template

from .conftest import counts, read_table


@pytest.mark.parametrize("name", ["sjabloon.xlsx", "sjabloon_csv"])
def test_template_imports_cleanly_into_an_empty_database(db, tmp_path, name):
    write_template(tmp_path / name)

    result = import_workbook(tmp_path / name)

    assert {sheet: c.created for sheet, c in result.items()} == {s.name: 1 for s in SHEETS}
    expected = {model: 1 for model in counts()} | {"Arrangement.patients": 0}
    assert counts() == expected


def test_template_has_the_headers_and_one_example_row_per_sheet(db, tmp_path):
    write_template(tmp_path / "sjabloon.xlsx")
    table = read_table(tmp_path / "sjabloon.xlsx")
    assert list(table) == [sheet.name for sheet in SHEETS]
    for sheet in SHEETS:
        header, *rows = table[sheet.name]
        assert header == [column.header for column in sheet.columns]
        assert len(rows) == 1


def test_template_exported_after_import_shows_the_example_rows(db, tmp_path):
    write_template(tmp_path / "sjabloon.xlsx")
    import_workbook(tmp_path / "sjabloon.xlsx")
    export_workbook(tmp_path / "export.xlsx")
    assert read_table(tmp_path / "export.xlsx") == read_table(tmp_path / "sjabloon.xlsx")
