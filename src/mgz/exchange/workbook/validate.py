"""Validating a whole workbook before anything is written: every problem, at its cell."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from mgz.exchange.workbook.format import SHEETS
from mgz.exchange.workbook.index import Index
from mgz.exchange.workbook.parse import Row, parse_rows
from mgz.exchange.workbook.problems import Problem, WorkbookInvalid
from mgz.exchange.workbook.reader import open_sheets
from mgz.exchange.workbook.rules import check_all

SHEET_ORDER = {sheet.name: i for i, sheet in enumerate(SHEETS)}


@dataclass
class ValidWorkbook:
    """Typed rows per sheet, and which columns each sheet had (absent columns stay untouched)."""

    rows: dict[str, list[Row]]
    present: dict[str, frozenset[str]]


def validate(path: Path) -> ValidWorkbook:
    """The typed workbook; raises WorkbookInvalid with every problem, sorted by cell."""
    problems: list[Problem] = []
    with open_sheets(path) as (raws, header_problems):
        problems += header_problems
        rows = {raw.sheet.name: parse_rows(raw, problems) for raw in raws}
        present = {raw.sheet.name: frozenset(raw.positions) for raw in raws}
    problems += check_all(rows, Index(rows))
    if problems:
        raise WorkbookInvalid(sorted(set(problems), key=_position))
    return ValidWorkbook(rows, present)


def _position(problem: Problem) -> tuple:
    column = problem.column or ""
    return (
        SHEET_ORDER.get(problem.sheet, -1),
        problem.sheet,
        problem.row or 0,
        len(column),
        column,
        problem.message,
    )
