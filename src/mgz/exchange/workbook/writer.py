"""Writing tables of typed values as an XLSX workbook or as a folder of CSV files."""

from __future__ import annotations

import csv
from collections.abc import Iterable
from pathlib import Path

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.comments import Comment
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

from mgz.exchange.workbook.cells import for_csv, for_xlsx
from mgz.exchange.workbook.format import SHEETS, Sheet
from mgz.exchange.workbook.reader import CSV_DELIMITER, path_is_xlsx

NUMBER_FORMATS = {"date": "dd-mm-yyyy", "time": "hh:mm", "datetime": "dd-mm-yyyy hh:mm"}
Tables = dict[str, Iterable[list]]


def write(path: Path, tables: Tables) -> None:
    """One sheet (or file) per entry of SHEETS, in that order, headers first."""
    if path_is_xlsx(path):
        _write_xlsx(path, tables)
    else:
        _write_csv(path, tables)


def _write_xlsx(path: Path, tables: Tables) -> None:
    book = Workbook(write_only=True)
    bold = Font(bold=True)
    for sheet in SHEETS:
        ws = book.create_sheet(sheet.name)
        for index, column in enumerate(sheet.columns):
            ws.column_dimensions[get_column_letter(index + 1)].width = max(
                len(column.header) + 2, 12
            )
        ws.append(_header_cells(ws, sheet, bold))
        for values in tables.get(sheet.name, ()):
            ws.append(_data_cells(ws, sheet, values))
    path.parent.mkdir(parents=True, exist_ok=True)
    book.save(path)


def _header_cells(ws, sheet: Sheet, bold: Font) -> list:
    cells = []
    for column in sheet.columns:
        cell = WriteOnlyCell(ws, value=column.header)
        cell.font = bold
        required = "verplicht" if column.is_required else "optioneel"
        cell.comment = Comment(f"{column.description} ({required})", "MGZ")
        cells.append(cell)
    return cells


def _data_cells(ws, sheet: Sheet, values: list) -> list:
    """Plain values, except dates and times: those need a cell with a number format."""
    cells = []
    for column, value in zip(sheet.columns, values, strict=True):
        cell = for_xlsx(column.kind, value)
        if column.kind in NUMBER_FORMATS and cell is not None:
            cell = WriteOnlyCell(ws, value=cell)
            cell.number_format = NUMBER_FORMATS[column.kind]
        cells.append(cell)
    return cells


def _write_csv(folder: Path, tables: Tables) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for sheet in SHEETS:
        # UTF-8 with a byte-order mark, so that Excel opens accents correctly.
        with (folder / f"{sheet.name}.csv").open("w", encoding="utf-8-sig", newline="") as handle:
            out = csv.writer(handle, delimiter=CSV_DELIMITER)
            out.writerow([column.header for column in sheet.columns])
            for values in tables.get(sheet.name, ()):
                kinds = (column.kind for column in sheet.columns)
                out.writerow([for_csv(k, v) for k, v in zip(kinds, values, strict=True)])
