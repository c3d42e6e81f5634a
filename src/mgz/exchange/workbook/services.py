"""The workbook services the commands (and later the web pages) call: import, export, template."""

from __future__ import annotations

from pathlib import Path

from django.db import DatabaseError, IntegrityError

from mgz.exchange.workbook import export, writer
from mgz.exchange.workbook.load import SheetCount, load
from mgz.exchange.workbook.problems import Problem, WorkbookInvalid
from mgz.exchange.workbook.validate import validate


def check_workbook(path: Path) -> dict[str, int]:
    """Validate only; the number of rows per sheet. Raises WorkbookInvalid."""
    return {name: len(rows) for name, rows in validate(Path(path)).rows.items()}


def import_workbook(path: Path) -> dict[str, SheetCount]:
    """Validate everything, then write everything in one transaction, or nothing.

    Raises WorkbookInvalid with every problem found; the database is then unchanged.
    """
    valid = validate(Path(path))
    try:
        return load(valid)
    except (IntegrityError, DatabaseError) as error:
        # The constraints are the backstop for what validation could not see (e.g. a
        # concurrent change); the transaction has been rolled back.
        message = f"de database weigerde de import, er is niets opgeslagen: {error}"
        raise WorkbookInvalid([Problem("database", None, None, message)]) from error


def export_workbook(path: Path) -> dict[str, int]:
    """Write all data in the workbook format; the number of rows per sheet."""
    tables = export.tables()
    writer.write(Path(path), tables)
    return {name: len(rows) for name, rows in tables.items()}


def write_template(path: Path) -> None:
    """An empty workbook with the headers and one example row per sheet."""
    writer.write(Path(path), export.template_tables())
