"""The database itself refuses to change or delete audit records (NEN 7513 in spirit).

SQLite: BEFORE UPDATE / BEFORE DELETE triggers that abort. PostgreSQL: a row trigger for
UPDATE and DELETE that raises. TRUNCATE is left to the table owner (a DBA operation); in
production the application's database role should not own the table (docs/security.md).
"""

from django.db import migrations

TABLE = "audit_auditevent"


def create(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    for statement in CREATE.get(vendor, ()):
        schema_editor.execute(statement)


def drop(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    for statement in DROP.get(vendor, ()):
        schema_editor.execute(statement)


CREATE = {
    "sqlite": [
        f"CREATE TRIGGER IF NOT EXISTS audit_no_update BEFORE UPDATE ON {TABLE} "
        "BEGIN SELECT RAISE(ABORT, 'audit records are append-only'); END;",
        f"CREATE TRIGGER IF NOT EXISTS audit_no_delete BEFORE DELETE ON {TABLE} "
        "BEGIN SELECT RAISE(ABORT, 'audit records are append-only'); END;",
    ],
    "postgresql": [
        "CREATE OR REPLACE FUNCTION audit_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$ "
        "BEGIN RAISE EXCEPTION 'audit records are append-only'; END $$;",
        f"DROP TRIGGER IF EXISTS audit_no_change ON {TABLE};",
        f"CREATE TRIGGER audit_no_change BEFORE UPDATE OR DELETE ON {TABLE} "
        "FOR EACH ROW EXECUTE FUNCTION audit_refuse_change();",
    ],
}
DROP = {
    "sqlite": ["DROP TRIGGER IF EXISTS audit_no_update;", "DROP TRIGGER IF EXISTS audit_no_delete;"],
    "postgresql": [
        f"DROP TRIGGER IF EXISTS audit_no_change ON {TABLE};",
        "DROP FUNCTION IF EXISTS audit_refuse_change();",
    ],
}


class Migration(migrations.Migration):
    dependencies = [("audit", "0001_initial")]

    operations = [migrations.RunPython(create, drop)]
