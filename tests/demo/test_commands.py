"""`mgz demo` and `mgz demo_accounts` as the Makefile calls them."""

from __future__ import annotations

from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command

from mgz.registry.models import Patient, Region


def run(*args, **options) -> str:
    out = StringIO()
    call_command(*args, stdout=out, **options)
    return out.getvalue()


@pytest.mark.django_db
def test_demo_loads_an_empty_database_even_with_if_empty():
    output = run("demo", scale="tiny", seed=3, if_empty=True, verbosity=0)
    assert Patient.objects.exists()
    assert "verzonnen" in output


@pytest.mark.django_db
def test_if_empty_does_nothing_when_patients_exist():
    run("demo", scale="tiny", seed=1)
    before = Patient.objects.count()
    output = run("demo", scale="tiny", seed=2, if_empty=True)
    assert Patient.objects.count() == before
    assert "niet geladen" in output


@pytest.mark.django_db
def test_demo_refuses_a_database_with_patients_without_if_empty():
    run("demo", scale="tiny", seed=1)
    with pytest.raises(CommandError, match="bevat al cliënten"):
        run("demo", scale="tiny", seed=1)


@pytest.mark.django_db
def test_demo_accounts_creates_the_superuser_once_and_says_it_is_a_demo():
    run("demo", scale="tiny", seed=1)
    first = run("demo_accounts")
    second = run("demo_accounts")
    users = get_user_model().objects.filter(username="beheerder")
    assert users.count() == 1
    assert users.get().is_superuser
    assert "DEMO-accounts" in first
    assert "beheerder" in first
    assert first.splitlines()[:3] == second.splitlines()[:3]


@pytest.mark.django_db
def test_demo_refuses_to_clash_with_an_existing_region_code():
    Region.objects.create(code="NIJ", name="Nijmegen (eigen)")
    with pytest.raises(CommandError, match="regio met code NIJ"):
        run("demo", scale="tiny", seed=1)
