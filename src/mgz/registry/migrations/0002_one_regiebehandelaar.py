"""At most one regiebehandelaar MGZ per patient on any day, enforced by the database.

PostgreSQL: an exclusion constraint over (patient, daterange) — correct under concurrency.
SQLite: BEFORE INSERT/UPDATE triggers; SQLite serialises writers, so a trigger is enough.
Periods are inclusive ([start, end]); an empty end means open-ended.
"""

from django.db import migrations

PG_FORWARD = [
    "CREATE EXTENSION IF NOT EXISTS btree_gist",
    """
    ALTER TABLE registry_careteammember ADD CONSTRAINT one_regiebehandelaar_at_a_time
    EXCLUDE USING gist (
        patient_id WITH =,
        daterange(start, COALESCE("end", 'infinity'::date), '[]') WITH &&
    ) WHERE (role = 'regiebehandelaar')
    """,
]
PG_BACKWARD = [
    "ALTER TABLE registry_careteammember DROP CONSTRAINT one_regiebehandelaar_at_a_time",
]

SQLITE_CHECK = """
    SELECT RAISE(ABORT, 'one_regiebehandelaar_at_a_time: deze cliënt heeft in die periode al een regiebehandelaar MGZ')
    WHERE NEW.role = 'regiebehandelaar' AND EXISTS (
        SELECT 1 FROM registry_careteammember AS other
        WHERE other.patient_id = NEW.patient_id
          AND other.role = 'regiebehandelaar'
          AND other.id IS NOT NEW.id
          AND other.start <= COALESCE(NEW."end", '9999-12-31')
          AND NEW.start <= COALESCE(other."end", '9999-12-31')
    );
"""
SQLITE_FORWARD = [
    f"CREATE TRIGGER one_regiebehandelaar_insert BEFORE INSERT ON registry_careteammember "
    f"BEGIN {SQLITE_CHECK} END",
    f"CREATE TRIGGER one_regiebehandelaar_update BEFORE UPDATE ON registry_careteammember "
    f"BEGIN {SQLITE_CHECK} END",
]
SQLITE_BACKWARD = [
    "DROP TRIGGER IF EXISTS one_regiebehandelaar_insert",
    "DROP TRIGGER IF EXISTS one_regiebehandelaar_update",
]


def _run(statements_by_vendor):
    def run(apps, schema_editor):
        for statement in statements_by_vendor.get(schema_editor.connection.vendor, []):
            schema_editor.execute(statement)

    return run


class Migration(migrations.Migration):
    dependencies = [("registry", "0001_initial")]

    operations = [
        migrations.RunPython(
            _run({"postgresql": PG_FORWARD, "sqlite": SQLITE_FORWARD}),
            _run({"postgresql": PG_BACKWARD, "sqlite": SQLITE_BACKWARD}),
        )
    ]
