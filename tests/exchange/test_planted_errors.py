"""A valid export with errors planted by code: each is reported once, at its cell, and nothing is written."""

from __future__ import annotations

import pytest

from mgz.exchange.workbook.problems import WorkbookInvalid
from mgz.exchange.workbook.services import export_workbook, import_workbook

from .conftest import Table, counts, read_table, write_table


class Editor:
    """Edits a text table by sheet, row key and header; remembers where each change went."""

    def __init__(self, table: Table):
        self.table = table

    def header(self, sheet: str) -> list[str]:
        return self.table[sheet][0]

    def row_number(self, sheet: str, match: dict[str, str]) -> int:
        header = self.header(sheet)
        for number, row in enumerate(self.table[sheet][1:], start=2):
            if all(row[header.index(h)] == v for h, v in match.items()):
                return number
        raise LookupError(f"{sheet}: geen rij met {match}")

    def address(self, sheet: str, match: dict[str, str], column: str) -> str:
        """A cell's address as the import reports it."""
        number = self.row_number(sheet, match)
        return f"{sheet}!{number}:{_letter(self.header(sheet).index(column))}"

    def set(self, sheet: str, match: dict[str, str], column: str, value: str) -> str:
        """Set one cell; return its address."""
        address = self.address(sheet, match, column)
        number = self.row_number(sheet, match)
        self.table[sheet][number - 1][self.header(sheet).index(column)] = value
        return address

    def append_copy(self, sheet: str, match: dict[str, str]) -> int:
        copy = list(self.table[sheet][self.row_number(sheet, match) - 1])
        self.table[sheet].append(copy)
        return len(self.table[sheet])

    def add_column(self, sheet: str, title: str) -> str:
        for row in self.table[sheet]:
            row.append("")
        self.table[sheet][0][-1] = title
        return f"{sheet}!1:{_letter(len(self.table[sheet][0]) - 1)}"

    def drop_column(self, sheet: str, title: str) -> None:
        index = self.header(sheet).index(title)
        for row in self.table[sheet]:
            del row[index]


def _letter(index: int) -> str:
    return chr(ord("A") + index)


def plant_errors(edit: Editor) -> dict[str, str]:
    """Plant distinct errors; the expected problem cell -> a phrase of its message."""
    cl1, cl2 = {"code": "CL-1"}, {"code": "CL-2"}
    expected = {
        edit.set("clienten", cl1, "zorgprofiel", "VV99"): "onbekende code 'VV99' voor zorgprofiel",
        edit.set("clienten", cl2, "bsn", "123456789"): "voldoet niet aan de 11-proef",
        edit.set(
            "locaties", {"code": "LOC-2"}, "organisatie", "ORG-XX"
        ): "onbekende organisatie 'ORG-XX'",
        edit.set(
            "rollen", {"zorgverlener": "ZV-SO"}, "tot_en_met", "2019-12-31"
        ): "'tot_en_met' ligt voor 'vanaf'",
        edit.set(
            "zorgverleners", {"code": "ZV-HA"}, "discipline", "tandarts"
        ): "onbekende code 'tandarts' voor discipline",
        edit.set("organisaties", {"code": "ORG-VV"}, "naam", ""): "verplicht veld 'naam' is leeg",
        edit.set("clienten", cl1, "geboortedatum", "31-02-1940"): "'31-02-1940' is geen datum",
        edit.set("regios", {"code": "REG-A"}, "anw_begin", "25:61"): "'25:61' is geen tijd",
        edit.set(
            "contactpersonen", {"naam": "Els de Vries"}, "telefoon", "bel maar"
        ): "Telefoonnummer moet een Nederlands nummer zijn",
        edit.set("afspraken", {"code": "AFS-1"}, "uren", "ma-xx 08:00-17:00"): "onbekende dag 'xx'",
        edit.set(
            "afspraken", {"code": "AFS-2"}, "wijze", "soms"
        ): "onbekende code 'soms' voor wijze",
        edit.set(
            "locaties", {"code": "LOC-1"}, "postcode", "1234ab"
        ): "Postcode moet de vorm 1234 AB hebben",
        edit.set("organisaties", {"code": "ORG-HA"}, "agb", "1234"): "AGB-code heeft 8 cijfers",
        edit.set("zorgverleners", {"code": "ZV-SO"}, "big", "12345"): "BIG-nummer heeft 11 cijfers",
        edit.set(
            "locaties", {"code": "LOC-2"}, "geplande_opening", ""
        ): "geplande openingsdatum nodig",
        edit.set(
            "locaties", {"code": "LOC-1"}, "hap", "ORG-HA"
        ): "organisatie 'ORG-HA' is geen Huisartsenspoedpost",
        edit.set(
            "clienten", cl1, "ion_praktijk", "ORG-VV"
        ): "organisatie 'ORG-VV' is geen Huisartsenpraktijk",
        edit.set(
            "afwezigheden", {"zorgverlener": "ZV-HA"}, "tot", "2026-01-04 12:00"
        ): "'tot' ligt niet na 'vanaf'",
        edit.set(
            "organisaties", {"code": "ORG-PGB"}, "gecontracteerd", "misschien"
        ): "'misschien' is geen ja of nee",
        edit.set(
            "locaties", {"code": "LOC-2"}, "capaciteit", "veel"
        ): "'veel' is geen geheel getal",
        edit.set(
            "afspraken", {"code": "AFS-3"}, "zorgverlener", ""
        ): "vul 'zorgverlener' of 'dienst_van' in",
        edit.set(
            "afspraken", {"code": "AFS-4"}, "voor_sector", ""
        ): "bij bereik 'patientgroep' is 'voor_sector' verplicht",
        edit.set(
            "afspraken", {"code": "AFS-5"}, "locaties", "LOC-1;LOC-9"
        ): "onbekende locatie 'LOC-9'",
        edit.set(
            "rollen", {"zorgverlener": "ZV-HA"}, "zorgverlener", "ZV-NOPE"
        ): "onbekende zorgverlener 'ZV-NOPE'",
        edit.set(
            "afwezigheden", {"zorgverlener": "ZV-SO"}, "vervanger", "ZV-SO"
        ): "de vervanger is de afwezige zorgverlener zelf",
        edit.add_column("zorgverleners", "opmerking"): "onbekende kolom 'opmerking'",
    }
    # A location moved to another region no longer fits its subregion.
    edit.set("locaties", {"code": "LOC-1"}, "regio", "REG-B")
    expected[edit.address("locaties", {"code": "LOC-1"}, "subregio")] = "hoort bij regio 'REG-A'"
    # A patient with neither a location nor a home postcode is reported at 'woonlocatie'.
    edit.set("clienten", cl2, "postcode_thuis", "")
    expected[edit.address("clienten", cl2, "woonlocatie")] = (
        "geen woonlocatie en geen postcode thuis"
    )
    # A medebehandelaar made regiebehandelaar overlaps the current one; reported at its start.
    mede = {"zorgverlener": "ZV-HA", "rol": "medebehandelaar"}
    number = edit.row_number("behandelteam", mede)
    edit.set("behandelteam", mede, "rol", "regiebehandelaar")
    vanaf = _letter(edit.header("behandelteam").index("vanaf"))
    expected[f"behandelteam!{number}:{vanaf}"] = "heeft dan al regiebehandelaar 'ZV-AVG'"
    number = edit.append_copy("zorgverleners", {"code": "ZV-VPK"})
    expected[f"zorgverleners!{number}:A"] = "dubbele code 'ZV-VPK': ook in rij"
    edit.drop_column("subregios", "naam")
    expected["subregios!1"] = "verplichte kolom 'naam' ontbreekt"
    edit.table["notities"] = [["wat"], ["iets"]]
    expected["notities"] = "onbekend tabblad"
    return expected


@pytest.mark.parametrize("name", ["fouten.xlsx", "fouten_csv"])
def test_every_planted_error_is_reported_once_at_its_cell_and_nothing_is_written(
    world, tmp_path, name
):
    export_workbook(tmp_path / "goed.xlsx")
    edit = Editor(read_table(tmp_path / "goed.xlsx"))
    expected = plant_errors(edit)
    assert len(expected) >= 20
    write_table(tmp_path / name, edit.table)
    before = counts()
    export_workbook(tmp_path / "voor.xlsx")

    with pytest.raises(WorkbookInvalid) as raised:
        import_workbook(tmp_path / name)

    problems = raised.value.problems
    by_cell = {}
    for problem in problems:
        assert problem.cell not in by_cell, f"twee meldingen op {problem.cell}: {problems}"
        by_cell[problem.cell] = problem.message
    assert set(by_cell) == set(expected), "\n".join(str(p) for p in problems)
    for cell, phrase in expected.items():
        assert phrase in by_cell[cell], f"{cell}: {by_cell[cell]!r} mist {phrase!r}"
    assert counts() == before
    export_workbook(tmp_path / "na.xlsx")
    assert read_table(tmp_path / "na.xlsx") == read_table(tmp_path / "voor.xlsx")


def test_problems_read_as_sheet_row_column_dash_message(world, tmp_path):
    export_workbook(tmp_path / "goed.xlsx")
    edit = Editor(read_table(tmp_path / "goed.xlsx"))
    cell = edit.set("clienten", {"code": "CL-1"}, "bsn", "123456789")
    write_table(tmp_path / "fout.xlsx", edit.table)

    with pytest.raises(WorkbookInvalid) as raised:
        import_workbook(tmp_path / "fout.xlsx")

    assert [str(p) for p in raised.value.problems] == [
        f"{cell} — BSN '123456789' voldoet niet aan de 11-proef"
    ]
    assert cell == "clienten!2:B"


def test_references_to_rows_of_the_same_workbook_need_no_database(db, tmp_path):
    table = {
        "regios": [["code", "naam"], ["R1", "Regio"]],
        "organisaties": [
            ["code", "naam", "soort"],
            ["HAP1", "Post", "hap"],
            ["ZA1", "Zorg", "zorgaanbieder_vv"],
        ],
        "locaties": [
            ["code", "organisatie", "naam", "regio", "postcode", "soort", "behandelmodel", "hap"],
            ["L1", "ZA1", "Huis", "R1", "1234 AB", "verpleeghuis", "met_behandeling", "HAP1"],
        ],
    }
    write_table(tmp_path / "klein.xlsx", table)

    result = import_workbook(tmp_path / "klein.xlsx")

    assert result["locaties"].created == 1
    assert counts()["Location"] == 1


def test_a_key_column_must_be_present_even_when_optional(world, tmp_path):
    table = {
        "rollen": [["zorgverlener", "organisatie", "telefoon"], ["ZV-HA", "ORG-HA", "030-1234567"]]
    }
    write_table(tmp_path / "rollen.xlsx", table)

    with pytest.raises(WorkbookInvalid) as raised:
        import_workbook(tmp_path / "rollen.xlsx")

    assert [str(p) for p in raised.value.problems] == [
        "rollen!1 — verplichte kolom 'functie' ontbreekt"
    ]
