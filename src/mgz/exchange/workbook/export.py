"""Reading the database into workbook tables: typed values per column, references as codes.

References are resolved through one pk -> code map per model instead of a join per row, and
rows are ordered by their key, so two exports of the same data are identical.
"""

from __future__ import annotations

from collections import defaultdict

from mgz.exchange.workbook.format import SHEET_BY_NAME, SHEETS, Column, Sheet


def tables() -> dict[str, list[list]]:
    codes = _CodeMaps()
    return {sheet.name: _rows(sheet, codes) for sheet in SHEETS}


def template_tables() -> dict[str, list[list]]:
    """One example row per sheet; together they import cleanly into an empty database."""
    return {sheet.name: [[column.example for column in sheet.columns]] for sheet in SHEETS}


class _CodeMaps:
    def __init__(self) -> None:
        self._maps: dict[str, dict[int, str]] = {}

    def of(self, sheet: str) -> dict[int, str]:
        if sheet not in self._maps:
            model = SHEET_BY_NAME[sheet].model
            self._maps[sheet] = dict(
                model.objects.values_list("pk", "code").iterator(chunk_size=5000)
            )
        return self._maps[sheet]


def _rows(sheet: Sheet, codes: _CodeMaps) -> list[list]:
    many = {c.header: _links(c, codes) for c in sheet.columns if c.kind == "refs"}
    rows = [
        [_value(column, instance, codes, many) for column in sheet.columns]
        for instance in sheet.model.objects.order_by("pk").iterator(chunk_size=2000)
    ]
    headers = [c.header for c in sheet.columns]
    positions = [headers.index(h) for h in sheet.key]
    rows.sort(key=lambda row: tuple(_sortable(row[i]) for i in positions))
    return rows


def _sortable(value: object) -> tuple:
    return (value is not None, value if value is not None else "")


def _value(column: Column, instance, codes: _CodeMaps, many: dict) -> object:
    if column.kind == "bsn":
        return instance.bsn
    if column.kind == "refs":
        return sorted(many[column.header].get(instance.pk, ()))
    value = getattr(instance, column.field.attname)
    if column.kind == "ref" and value is not None:
        return codes.of(column.target)[value]
    return value


def _links(column: Column, codes: _CodeMaps) -> dict[int, list[str]]:
    through = column.field.remote_field.through
    source = f"{column.field.m2m_field_name()}_id"
    target = f"{column.field.m2m_reverse_field_name()}_id"
    targets = codes.of(column.target)
    links: dict[int, list[str]] = defaultdict(list)
    for owner, pk in through.objects.values_list(source, target).iterator(chunk_size=5000):
        links[owner].append(targets[pk])
    return links
