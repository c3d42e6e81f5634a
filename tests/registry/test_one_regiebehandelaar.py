"""At most one regiebehandelaar MGZ per patient at any day — enforced by the database itself.

These tests bypass forms and model validation on purpose (bulk_create, queryset.update):
the constraint must hold for any writer, on SQLite and on PostgreSQL.
"""

from __future__ import annotations

from datetime import date

import pytest
from django.db import IntegrityError, transaction

from mgz.registry.models import CareTeamMember
from tests import factories

pytestmark = pytest.mark.django_db


def add(patient, start, end=None, role="regiebehandelaar"):
    with transaction.atomic():
        CareTeamMember.objects.bulk_create(
            [
                CareTeamMember(
                    patient=patient,
                    professional=factories.professional(),
                    role=role,
                    start=start,
                    end=end,
                )
            ]
        )


def test_two_overlapping_regiebehandelaars_are_refused():
    patient = factories.patient()
    add(patient, date(2026, 1, 1), date(2026, 6, 30))
    with pytest.raises(IntegrityError):
        add(patient, date(2026, 6, 30), date(2026, 12, 31))  # one shared day is an overlap


def test_an_open_ended_period_overlaps_everything_after_it():
    patient = factories.patient()
    add(patient, date(2026, 1, 1))
    with pytest.raises(IntegrityError):
        add(patient, date(2030, 1, 1), date(2030, 2, 1))


def test_consecutive_periods_are_allowed():
    patient = factories.patient()
    add(patient, date(2026, 1, 1), date(2026, 6, 30))
    add(patient, date(2026, 7, 1))
    assert patient.care_team.filter(role="regiebehandelaar").count() == 2


def test_medebehandelaars_may_overlap_the_regiebehandelaar():
    patient = factories.patient()
    add(patient, date(2026, 1, 1))
    add(patient, date(2026, 1, 1), role="medebehandelaar")
    add(patient, date(2026, 1, 1), role="consulent")
    assert patient.care_team.count() == 3


def test_different_patients_do_not_interfere():
    add(factories.patient(), date(2026, 1, 1))
    add(factories.patient(), date(2026, 1, 1))
    assert CareTeamMember.objects.count() == 2


def test_an_update_that_creates_an_overlap_is_refused():
    patient = factories.patient()
    add(patient, date(2026, 1, 1), date(2026, 3, 31))
    add(patient, date(2026, 4, 1), date(2026, 6, 30))
    first = patient.care_team.order_by("start").first()
    with pytest.raises(IntegrityError), transaction.atomic():
        CareTeamMember.objects.filter(pk=first.pk).update(end=date(2026, 4, 15))


def test_changing_a_role_into_regiebehandelaar_is_checked_too():
    patient = factories.patient()
    add(patient, date(2026, 1, 1))
    add(patient, date(2026, 2, 1), role="medebehandelaar")
    second = patient.care_team.get(role="medebehandelaar")
    with pytest.raises(IntegrityError), transaction.atomic():
        CareTeamMember.objects.filter(pk=second.pk).update(role="regiebehandelaar")


def test_end_before_start_is_refused_by_the_database():
    with pytest.raises(IntegrityError):
        add(factories.patient(), date(2026, 5, 1), date(2026, 4, 1), role="medebehandelaar")
