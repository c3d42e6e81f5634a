"""The workbook services the commands (and later the web pages) call: import, export, template."""

from __future__ import annotations

import getpass
from pathlib import Path

from django.db import DatabaseError, IntegrityError, transaction

from mgz.audit.constants import Action
from mgz.exchange.workbook import export, writer
from mgz.exchange.workbook.audit import record_patients
from mgz.exchange.workbook.load import SheetCount, load
from mgz.exchange.workbook.problems import Problem, WorkbookInvalid
from mgz.exchange.workbook.validate import validate
from mgz.registry.models import Patient


def command_user() -> str:
    """Who runs a command, for the audit log: the operating-system user."""
    try:
        return f"commando ({getpass.getuser()})"
    except (OSError, KeyError):
        return "commando"


def check_workbook(path: Path) -> dict[str, int]:
    """Validate only; the number of rows per sheet. Raises WorkbookInvalid."""
    return {name: len(rows) for name, rows in validate(Path(path)).rows.items()}


def import_workbook(path: Path, *, username: str = "") -> dict[str, SheetCount]:
    """Validate everything, then write everything in one transaction, or nothing.

    Raises WorkbookInvalid with every problem found; the database is then unchanged.
    Each patient whose data changed gets an audit record in the same transaction.
    """
    path = Path(path)
    valid = validate(path)
    try:
        with transaction.atomic():
            counts = load(valid)
            changed = set().union(*(count.patient_ids for count in counts.values()))
            reason = f"werkmap-import uit {path.name}"
            record_patients(changed, action=Action.CHANGE, reason=reason, username=username)
        return counts
    except (IntegrityError, DatabaseError) as error:
        # The constraints are the backstop for what validation could not see (e.g. a
        # concurrent change); the transaction has been rolled back.
        message = f"de database weigerde de import, er is niets opgeslagen: {error}"
        raise WorkbookInvalid([Problem("database", None, None, message)]) from error


def export_workbook(path: Path, *, username: str = "") -> dict[str, int]:
    """Write all data in the workbook format; the number of rows per sheet.

    The file holds every patient's data, so every patient gets an audit record.
    """
    path = Path(path)
    tables = export.tables()
    writer.write(path, tables)
    patients = Patient.objects.values_list("pk", flat=True)
    reason = f"werkmap-export naar {path.name}"
    record_patients(patients, action=Action.EXPORT, reason=reason, username=username)
    return {name: len(rows) for name, rows in tables.items()}


def write_template(path: Path) -> None:
    """An empty workbook with the headers and one example row per sheet."""
    writer.write(Path(path), export.template_tables())
