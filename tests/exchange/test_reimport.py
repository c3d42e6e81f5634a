"""Importing the same workbook twice changes nothing; a changed cell updates one row."""

from __future__ import annotations

from mgz.exchange.workbook.services import export_workbook, import_workbook
from mgz.registry.models import Patient

from .conftest import counts, read_table, write_table


def test_reimport_of_an_export_changes_nothing(world, tmp_path):
    export_workbook(tmp_path / "werkmap.xlsx")
    bsn_before = Patient.objects.get(code="CL-1").bsn_encrypted
    before = counts()

    for _ in range(2):
        result = import_workbook(tmp_path / "werkmap.xlsx")
        assert all(c.created == 0 and c.updated == 0 for c in result.values()), result
        assert counts() == before

    assert Patient.objects.get(code="CL-1").bsn_encrypted == bsn_before
    export_workbook(tmp_path / "opnieuw.xlsx")
    assert read_table(tmp_path / "opnieuw.xlsx") == read_table(tmp_path / "werkmap.xlsx")


def test_a_changed_cell_updates_only_that_row(world, tmp_path):
    export_workbook(tmp_path / "werkmap_csv")
    table = read_table(tmp_path / "werkmap_csv")
    header = table["clienten"][0]
    row = next(r for r in table["clienten"][1:] if r[0] == "CL-2")
    row[header.index("zorgprofiel")] = "ggz-w02"  # codes are matched regardless of case
    row[header.index("bsn")] = "999990020"
    table["afspraken"][1][table["afspraken"][0].index("locaties")] = "LOC-1"
    write_table(tmp_path / "gewijzigd_csv", table)

    result = import_workbook(tmp_path / "gewijzigd_csv")

    assert (result["clienten"].updated, result["clienten"].unchanged) == (1, 1)
    assert (result["afspraken"].updated, result["afspraken"].unchanged) == (1, 4)
    assert result["locaties"].updated == 0
    patient = Patient.objects.get(code="CL-2")
    assert (patient.zorgprofiel, patient.sector, patient.bsn) == ("GGZ-W02", "ggz", "999990020")
    assert list(patient.arrangements.values_list("code", flat=True)) == ["AFS-3"]


def test_a_sheet_without_an_optional_column_leaves_that_field_alone(world, tmp_path):
    table = {"zorgverleners": [["code", "achternaam", "discipline"], ["ZV-SO", "Arts-Nieuw", "so"]]}
    write_table(tmp_path / "deel.xlsx", table)

    result = import_workbook(tmp_path / "deel.xlsx")

    assert result["zorgverleners"].updated == 1
    from mgz.registry.models import Professional

    so = Professional.objects.get(code="ZV-SO")
    assert (so.family_name, so.big, so.phone) == ("Arts-Nieuw", "12345678901", "06-12345678")


def test_chunked_loading_gives_the_same_result_across_chunk_boundaries(
    world, tmp_path, monkeypatch
):
    from mgz.exchange.workbook import load

    from .conftest import empty_database

    monkeypatch.setattr(load, "CHUNK", 2)
    export_workbook(tmp_path / "werkmap.xlsx")
    before = counts()
    empty_database()

    first = import_workbook(tmp_path / "werkmap.xlsx")
    second = import_workbook(tmp_path / "werkmap.xlsx")

    assert counts() == before
    assert (first["afspraken"].created, first["behandelteam"].created) == (5, 3)
    assert {(c.created, c.updated) for c in second.values()} == {(0, 0)}
    assert second["afspraken"].unchanged == 5
    export_workbook(tmp_path / "opnieuw.xlsx")
    assert read_table(tmp_path / "opnieuw.xlsx") == read_table(tmp_path / "werkmap.xlsx")
