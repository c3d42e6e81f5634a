"""The audit log cannot be changed or deleted: not by the model, not by raw SQL."""

from __future__ import annotations

import pytest
from django.db import DatabaseError, connection, transaction

from mgz.audit.constants import Action
from mgz.audit.models import AppendOnlyError, AuditEvent
from mgz.audit.services import record


@pytest.fixture
def event(world):
    return record(world.users["hap"], world.patient_a, Action.VIEW, relation="hap")


def test_a_record_names_user_role_organisation_patient_and_action(event, world):
    assert event.username == "hap"
    assert event.role == "hap"
    assert event.organisation_name == "HAP West"
    assert event.patient_code == world.patient_a.code
    assert event.at is not None


def test_the_model_refuses_to_save_an_existing_record_again(event):
    event.reason = "achteraf aangepast"
    with pytest.raises(AppendOnlyError):
        event.save()


def test_the_model_and_queryset_refuse_deletes_and_updates(event):
    with pytest.raises(AppendOnlyError):
        event.delete()
    with pytest.raises(AppendOnlyError):
        AuditEvent.objects.all().delete()
    with pytest.raises(AppendOnlyError):
        AuditEvent.objects.filter(id=event.id).update(reason="x")


def test_the_database_refuses_update_by_raw_sql(event):
    with pytest.raises(DatabaseError), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("UPDATE audit_auditevent SET reason = 'x' WHERE id = %s", [event.id])
    assert AuditEvent.objects.get(id=event.id).reason == ""


def test_the_database_refuses_delete_by_raw_sql(event):
    with pytest.raises(DatabaseError), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("DELETE FROM audit_auditevent WHERE id = %s", [event.id])
    assert AuditEvent.objects.filter(id=event.id).exists()


def test_deleting_a_user_leaves_the_audit_record_intact(event, world):
    world.users["hap"].delete()
    assert AuditEvent.objects.get(id=event.id).username == "hap"
