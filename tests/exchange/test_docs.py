"""docs/workbook.md is rendered from the format table and must be kept up to date."""

from __future__ import annotations

from django.conf import settings

from mgz.exchange.workbook.docs import render_markdown
from mgz.exchange.workbook.format import SHEETS


def test_docs_workbook_md_is_up_to_date():
    path = settings.BASE_DIR / "docs" / "workbook.md"
    assert path.read_text(encoding="utf-8") == render_markdown(), (
        "docs/workbook.md is verouderd; draai `mgz workbook_docs docs/workbook.md`"
    )


def test_docs_name_every_sheet_and_column():
    text = render_markdown()
    for sheet in SHEETS:
        assert f"## Tabblad `{sheet.name}`" in text
        for column in sheet.columns:
            assert f"| `{column.header}` |" in text


def test_every_column_has_a_kind_and_a_model_field():
    for sheet in SHEETS:
        for column in sheet.columns:
            assert column.kind
            assert column.field is not None or column.kind == "bsn"


def test_every_editable_model_field_has_a_column():
    for sheet in SHEETS:
        names = {column.field_name for column in sheet.columns}
        fields = sheet.model._meta.get_fields()
        editable = {
            f.name
            for f in fields
            if f.concrete and f.editable and not f.primary_key and not f.auto_created
        }
        assert editable - names == set(), sheet.name
