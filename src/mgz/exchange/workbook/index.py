"""Every code a reference may point to: already in the database, or defined in the workbook.

Besides the codes it keeps the few attributes that references are checked against: the kind of
an organisation (a HAP column needs a HAP) and the region of a subregion. One query per model.
"""

from __future__ import annotations

from collections import defaultdict

from mgz.exchange.workbook.format import SHEETS
from mgz.exchange.workbook.parse import Row

Attrs = dict[str, object]


def _needed() -> dict[str, set[str]]:
    """Field names to remember per sheet: those of limit_choices_to, and a subregion's region."""
    needed: dict[str, set[str]] = defaultdict(set)
    needed["subregios"].add("region")
    for sheet in SHEETS:
        for column in sheet.columns:
            if column.limit:
                needed[column.target].update(column.limit)
    return needed


class Index:
    def __init__(self, rows: dict[str, list[Row]]):
        self.codes: dict[str, dict[str, Attrs]] = {}
        needed = _needed()
        for sheet in SHEETS:
            if sheet.has_code:
                self.codes[sheet.name] = self._load(sheet, sorted(needed[sheet.name]), rows)

    @staticmethod
    def _load(sheet, fields: list[str], rows: dict[str, list[Row]]) -> dict[str, Attrs]:
        model = sheet.model
        lookups = [
            f"{name}__code" if model._meta.get_field(name).is_relation else name for name in fields
        ]
        known: dict[str, Attrs] = {}
        empty: Attrs = {}
        for code, *values in model.objects.values_list("code", *lookups).iterator(chunk_size=5000):
            known[code] = dict(zip(fields, values, strict=True)) if fields else empty
        header_of = {column.field_name: column.header for column in sheet.columns}
        for row in rows.get(sheet.name, []):
            code = row.get("code")
            if not code:
                continue
            attrs = dict(known.get(code, empty))
            for name in fields:
                if header_of[name] in row.values:
                    attrs[name] = row.get(header_of[name])
            known[code] = attrs
        return known

    def get(self, sheet: str, code: str) -> Attrs | None:
        return self.codes[sheet].get(code)
