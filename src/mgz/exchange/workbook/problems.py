"""A problem found in a workbook, addressed as `sheet!row:column` like a spreadsheet does."""

from __future__ import annotations

from dataclasses import dataclass

from openpyxl.utils import get_column_letter


@dataclass(frozen=True, order=True)
class Problem:
    sheet: str
    row: int | None
    column: str | None  # a column letter (A, B, … AA)
    message: str

    @property
    def cell(self) -> str:
        if self.row is None:
            return self.sheet
        return f"{self.sheet}!{self.row}" + (f":{self.column}" if self.column else "")

    def __str__(self) -> str:
        return f"{self.cell} — {self.message}"


def letter(index: int) -> str:
    """The spreadsheet letter of a zero-based column index."""
    return get_column_letter(index + 1)


class WorkbookInvalid(Exception):
    """The workbook has problems; nothing was imported."""

    def __init__(self, problems: list[Problem]):
        super().__init__(f"{len(problems)} problemen in de werkmap")
        self.problems = problems
