"""Reading a workbook (XLSX) or a folder of CSV files into raw sheets of header-mapped rows.

Rows are read lazily, so a national workbook is never held twice in memory. Header problems
(unknown sheet, unknown or doubled column, missing required column) are found here.
"""

from __future__ import annotations

import csv
import unicodedata
import zipfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from openpyxl import load_workbook
from openpyxl.utils.exceptions import InvalidFileException

from mgz.exchange.workbook.format import SHEET_BY_NAME, Sheet
from mgz.exchange.workbook.problems import Problem, WorkbookInvalid, letter

CSV_DELIMITER = ";"


@dataclass
class RawSheet:
    """One sheet: which spec column sits at which position, and its data rows."""

    sheet: Sheet
    positions: dict[str, int] = field(default_factory=dict)  # header -> zero-based index
    read_rows: Callable[[], Iterator[tuple[int, tuple]]] | None = None

    def letter(self, header: str) -> str:
        return letter(self.positions[header])

    def rows(self) -> Iterator[tuple[int, tuple]]:
        """(row number, cell values) for every row with at least one filled cell."""
        if self.read_rows is None:
            return
        for number, values in self.read_rows():
            if any(v is not None and str(v).strip() != "" for v in values):
                yield number, values


def normalise(name: object) -> str:
    """'Tot en met ' -> 'tot_en_met', 'Cliënten' -> 'clienten': forgiving about case and accents."""
    text = unicodedata.normalize("NFKD", str(name or "")).encode("ascii", "ignore").decode()
    return "_".join(text.lower().replace("'", "").split())


def path_is_xlsx(path: Path) -> bool:
    return path.suffix.lower() == ".xlsx"


@contextmanager
def open_sheets(path: Path) -> Iterator[tuple[list[RawSheet], list[Problem]]]:
    """The known sheets in spec order, and the problems of their names and headers."""
    if path_is_xlsx(path):
        try:
            book = load_workbook(path, read_only=True, data_only=True)
        except (OSError, zipfile.BadZipFile, InvalidFileException) as error:
            raise _unreadable(path, f"is geen leesbare XLSX-werkmap ({error})") from error
        try:
            yield _collect(_xlsx_sources(book))
        finally:
            book.close()
    elif path.is_dir():
        yield _collect(_csv_sources(path))
    else:
        raise _unreadable(path, "geef een .xlsx-werkmap of een map met CSV-bestanden")


def _unreadable(path: Path, message: str) -> WorkbookInvalid:
    return WorkbookInvalid([Problem(path.name, None, None, message)])


def _collect(sources) -> tuple[list[RawSheet], list[Problem]]:
    problems: list[Problem] = []
    found: dict[str, RawSheet] = {}
    for name, header, read_rows in sources:
        sheet = SHEET_BY_NAME.get(normalise(name))
        if sheet is None:
            known = ", ".join(SHEET_BY_NAME)
            problems.append(
                Problem(str(name), None, None, f"onbekend tabblad; bekende tabbladen: {known}")
            )
            continue
        if sheet.name in found:
            problems.append(Problem(str(name), None, None, "dit tabblad staat er twee keer in"))
            continue
        raw = RawSheet(sheet, read_rows=read_rows)
        problems += _map_header(raw, header)
        found[sheet.name] = raw
    ordered = [found[name] for name in SHEET_BY_NAME if name in found]
    return ordered, problems


def _map_header(raw: RawSheet, header: tuple) -> list[Problem]:
    sheet, problems = raw.sheet, []
    for index, title in enumerate(header):
        name = normalise(title)
        if not name:
            continue
        if name not in sheet.by_header:
            problems.append(Problem(sheet.name, 1, letter(index), f"onbekende kolom '{title}'"))
        elif name in raw.positions:
            problems.append(
                Problem(sheet.name, 1, letter(index), f"kolom '{name}' staat er twee keer in")
            )
        else:
            raw.positions[name] = index
    for column in sheet.columns:
        needed = column.is_required or column.header in sheet.key  # rows are matched on the key
        if needed and column.header not in raw.positions:
            problems.append(
                Problem(sheet.name, 1, None, f"verplichte kolom '{column.header}' ontbreekt")
            )
    return problems


def _xlsx_sources(book):
    for ws in book.worksheets:
        ws.reset_dimensions()
        rows = ws.iter_rows(max_row=1, values_only=True)
        header = next(rows, ())
        if not any(header or ()):
            continue

        def read_rows(ws=ws):
            yield from enumerate(ws.iter_rows(min_row=2, values_only=True), start=2)

        yield ws.title, header, read_rows


def _csv_sources(folder: Path):
    for path in sorted(folder.glob("*.csv")):
        with path.open(encoding="utf-8-sig", newline="") as handle:
            first = handle.readline()
        if not first.strip():
            continue
        delimiter = "," if CSV_DELIMITER not in first and "," in first else CSV_DELIMITER
        header = next(csv.reader([first], delimiter=delimiter))

        def read_rows(path=path, delimiter=delimiter):
            with path.open(encoding="utf-8-sig", newline="") as handle:
                reader = csv.reader(handle, delimiter=delimiter)
                next(reader, None)
                for number, values in enumerate(reader, start=2):
                    yield number, tuple(values)

        yield path.stem, header, read_rows
