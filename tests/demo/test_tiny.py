"""The tiny scale in the database: every kind of thing exists, every imperfection is real."""

from __future__ import annotations

from datetime import date

import pytest

from mgz.availability.constants import AbsenceKind, Function, Mode, ScopeKind
from mgz.availability.models import Absence, Arrangement
from mgz.demo.generator import IMPERFECTION_KINDS
from mgz.demo.loader import generate
from mgz.registry.constants import Leveringsvorm, LocationKind, OrganisationKind, Sector
from mgz.registry.models import (
    CareTeamMember,
    ContactPerson,
    Location,
    Organisation,
    Patient,
    Professional,
    ProfessionalRole,
    Region,
    Subregion,
)
from tests.demo.checks import CHECKS

TODAY = date(2026, 1, 15)
USED_SCOPES = {
    ScopeKind.LOCATIONS,
    ScopeKind.ORGANISATION,
    ScopeKind.PATIENT_GROUP,
    ScopeKind.PATIENTS,
}


@pytest.fixture
def tiny(db):
    return generate("tiny", 1, today=TODAY)


def values(model, field: str) -> set[str]:
    return set(model.objects.values_list(field, flat=True))


def test_tiny_scale_has_every_kind_of_entity(tiny):
    for model in (
        Region,
        Subregion,
        Organisation,
        Location,
        Professional,
        ProfessionalRole,
        Patient,
        ContactPerson,
        CareTeamMember,
        Arrangement,
        Absence,
    ):
        assert model.objects.exists(), model
    assert values(Organisation, "kind") == set(OrganisationKind.values)
    assert values(Location, "kind") == set(LocationKind.values)
    assert values(Patient, "sector") == set(Sector.values)
    assert values(Patient, "leveringsvorm") == set(Leveringsvorm.values)
    assert values(Arrangement, "function") == set(Function.values)
    assert values(Arrangement, "mode") == set(Mode.values)
    assert values(Arrangement, "scope_kind") == USED_SCOPES
    assert values(Absence, "kind") <= set(AbsenceKind.values)
    assert 30 <= Patient.objects.count() <= 100


def test_tiny_scale_reports_what_it_wrote(tiny):
    assert tiny.rows["registry.Patient"] == Patient.objects.count()
    assert tiny.rows["availability.Arrangement"] == Arrangement.objects.count()
    assert set(tiny.planted) == set(IMPERFECTION_KINDS)


@pytest.mark.parametrize("kind", IMPERFECTION_KINDS)
def test_every_planted_imperfection_is_really_there(tiny, kind):
    planted = set(tiny.planted[kind])
    assert planted, f"{kind} is not planted"
    assert planted <= CHECKS[kind](TODAY)


def test_new_rows_after_the_demo_get_fresh_keys(tiny):
    region = Region.objects.create(code="X-NEW", name="Nieuwe regio")
    assert region.id > max(r.id for r in Region.objects.exclude(code="X-NEW"))
