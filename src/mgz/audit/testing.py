"""Test support only: empty the audit table between live-server tests.

pytest-django flushes every table after a transactional test; the append-only triggers would
refuse that. This lifts the triggers for one statement and puts them back, which only a
process with DDL rights can do -- the point of the triggers is that application code cannot.
"""

from __future__ import annotations

import importlib

from django.db import connection

_triggers = importlib.import_module("mgz.audit.migrations.0002_append_only_triggers")


def purge_audit_log_for_tests() -> None:
    vendor = connection.vendor
    with connection.cursor() as cursor:
        for statement in _triggers.DROP.get(vendor, ()):
            if "FUNCTION" not in statement:
                cursor.execute(statement)
        cursor.execute(f"DELETE FROM {_triggers.TABLE}")
        for statement in _triggers.CREATE.get(vendor, ()):
            cursor.execute(statement)
