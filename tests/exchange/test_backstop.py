"""The database constraints stay the backstop: if validation misses something, nothing is written."""

from __future__ import annotations

import pytest

from mgz.exchange.workbook import rules
from mgz.exchange.workbook.problems import WorkbookInvalid
from mgz.exchange.workbook.services import export_workbook, import_workbook

from .conftest import counts, read_table, write_table


def test_overlapping_regiebehandelaars_hit_the_database_constraint_and_roll_back(
    world, tmp_path, monkeypatch
):
    without = tuple(c for c in rules.CHECKS if c is not rules.check_one_regiebehandelaar)
    monkeypatch.setattr(rules, "CHECKS", without)
    export_workbook(tmp_path / "werkmap.xlsx")
    table = read_table(tmp_path / "werkmap.xlsx")
    header = table["behandelteam"][0]
    mede = next(r for r in table["behandelteam"][1:] if r[header.index("rol")] == "medebehandelaar")
    mede[header.index("rol")] = "regiebehandelaar"
    table["regios"][1][table["regios"][0].index("naam")] = "Regio A, gewijzigd"  # written earlier
    write_table(tmp_path / "fout.xlsx", table)
    before = counts()

    with pytest.raises(WorkbookInvalid) as raised:
        import_workbook(tmp_path / "fout.xlsx")

    [problem] = raised.value.problems
    assert str(problem).startswith("database — de database weigerde de import")
    assert "one_regiebehandelaar" in problem.message
    assert counts() == before
    export_workbook(tmp_path / "na.xlsx")
    assert read_table(tmp_path / "na.xlsx")["regios"][1][1] == "Regio A"
