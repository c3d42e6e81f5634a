"""Turning raw cells into typed values, one row at a time, with the models' own validators.

Each cell is parsed by its column kind, checked against the field's choices and validators
(postcode, phone, AGB, BIG, week pattern …), so a rule holds alike in the admin and here.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.core.exceptions import ValidationError

from mgz.exchange.workbook.cells import PARSERS, CellError, as_text
from mgz.exchange.workbook.format import Column, Sheet
from mgz.exchange.workbook.problems import Problem
from mgz.exchange.workbook.reader import RawSheet

MAX_LISTED_CHOICES = 12


@dataclass(slots=True)
class Row:
    """A data row with typed values by header; `bad` holds the headers whose cell failed."""

    sheet: Sheet
    number: int
    values: dict[str, object]
    letters: dict[str, str]
    bad: set[str] = field(default_factory=set)

    def get(self, header: str) -> object:
        return self.values.get(header)

    def usable(self, *headers: str) -> bool:
        """Whether these cells are present and were read without a problem."""
        return all(h in self.values and h not in self.bad for h in headers)

    def problem(self, header: str | None, message: str) -> Problem:
        return Problem(self.sheet.name, self.number, self.letters.get(header or ""), message)

    @property
    def key(self) -> tuple:
        return tuple(self.values.get(h) for h in self.sheet.key)


def parse_rows(raw: RawSheet, problems: list[Problem]) -> list[Row]:
    """All data rows of a sheet, typed; every cell problem is appended to `problems`."""
    present = [(raw.sheet.by_header[h], i) for h, i in raw.positions.items()]
    letters = {h: raw.letter(h) for h in raw.positions}
    rows = []
    for number, cells in raw.rows():
        row = Row(raw.sheet, number, {}, letters)
        for column, index in present:
            value = cells[index] if index < len(cells) else None
            _parse_cell(row, column, value, problems)
        rows.append(row)
    return rows


def _parse_cell(row: Row, column: Column, value: object, problems: list[Problem]) -> None:
    header = column.header
    if as_text(value) == "":
        row.values[header] = column.empty_value()
        if column.is_required:
            row.bad.add(header)
            problems.append(row.problem(header, f"verplicht veld '{header}' is leeg"))
        return
    try:
        typed = PARSERS[column.kind](value)
        if column.kind == "choice":
            typed = _choice(column, typed)
        if column.field is not None and column.kind not in ("ref", "refs"):
            column.field.run_validators(typed)
    except CellError as error:
        row.values[header] = column.empty_value()
        row.bad.add(header)
        problems.append(row.problem(header, str(error)))
        return
    except ValidationError as error:
        row.values[header] = column.empty_value()
        row.bad.add(header)
        problems.append(row.problem(header, _joined(error, value)))
        return
    row.values[header] = typed


def _choice(column: Column, text: str) -> str:
    """The stable code, matched without regard to case ('vv05' is 'VV05')."""
    code = column.choice_by_lower.get(text.lower())
    if code is None:
        listed = ", ".join(column.choices[:MAX_LISTED_CHOICES])
        more = " …" if len(column.choices) > MAX_LISTED_CHOICES else ""
        name = str(column.field.verbose_name)
        raise CellError(f"onbekende code '{text}' voor {name}; kies uit: {listed}{more}")
    return code


def _joined(error: ValidationError, value: object) -> str:
    """The validators' messages, prefixed by the value unless they quote it already."""
    messages = " ".join(str(m).rstrip(".") + "." for m in error.messages)
    text = as_text(value)
    return messages if f"'{text}'" in messages else f"'{text}': {messages}"
