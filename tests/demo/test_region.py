"""The region scale in the database: realistic proportions, sound identifiers, one regie.

The region is loaded once for this module, inside a transaction rolled back at the end.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from datetime import date
from itertools import pairwise

import pytest
from django.db import transaction

from mgz.availability.constants import Function
from mgz.core.bsn import is_valid_bsn
from mgz.demo import reference as ref
from mgz.demo.generator import IMPERFECTION_KINDS
from mgz.demo.loader import generate
from mgz.registry import bsn_crypto
from mgz.registry.constants import (
    CareTeamRole,
    Discipline,
    Leveringsvorm,
    LocationStatus,
    OrganisationKind,
    Sector,
)
from mgz.registry.models import CareTeamMember, Location, Organisation, Patient, Professional
from tests.demo.checks import CHECKS, VV_KINDS, covered_locations

TODAY = date(2026, 1, 15)


@pytest.fixture(scope="module")
def region(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock(), transaction.atomic():
        summary = generate("region", 1, today=TODAY)
        yield summary
        transaction.set_rollback(True)


pytestmark = pytest.mark.django_db


def share(counter: Counter, key: str) -> float:
    return counter[key] / sum(counter.values())


def test_region_is_one_zorgkantoorregio_of_realistic_size(region):
    assert region.regions == [ref.DEFAULT_REGION]
    patients = Patient.objects.count()
    assert abs(patients - ref.WLZ_CLIENTS / 31) < 0.15 * ref.WLZ_CLIENTS / 31
    practices = Organisation.objects.filter(kind=OrganisationKind.HUISARTSENPRAKTIJK).count()
    gps = Professional.objects.filter(discipline=Discipline.HUISARTS).count()
    assert 2.0 <= gps / practices <= 3.5  # Nivel: ~13,500 GPs in ~5,000 practices
    assert Organisation.objects.filter(kind=OrganisationKind.HAP).count() >= 2


def test_sector_and_leveringsvorm_follow_the_cbs_shares(region):
    sectors = Counter(Patient.objects.values_list("sector", flat=True))
    for sector, expected in ref.SECTOR_SHARE.items():
        assert share(sectors, sector) == pytest.approx(expected, abs=0.01)
    assert share(sectors, Sector.VV) > 0.6
    for sector, by_lv in ref.LEVERINGSVORM_SHARE.items():
        counts = Counter(
            Patient.objects.filter(sector=sector).values_list("leveringsvorm", flat=True)
        )
        for lv, expected in by_lv.items():
            assert share(counts, lv) == pytest.approx(expected, abs=0.01), (sector, lv)
    overall = Counter(Patient.objects.values_list("leveringsvorm", flat=True))
    assert overall.most_common(1)[0][0] == Leveringsvorm.VERBLIJF


def test_locations_have_realistic_sizes_and_residents_fit(region):
    for loc in Location.objects.all():
        low, high = ref.LOCATION_SIZES[loc.kind]
        assert low <= loc.capacity <= high + 3, (loc.code, loc.kind, loc.capacity)
        assert loc.patients.count() <= loc.capacity
        if loc.status == LocationStatus.GEPLAND:
            assert loc.planned_opening > TODAY
    verblijf = Patient.objects.filter(leveringsvorm=Leveringsvorm.VERBLIJF)
    assert not verblijf.filter(location__isnull=True).exists()


def test_every_bsn_is_synthetic_valid_unique_and_decrypts(region):
    seen = set()
    for encrypted, key in Patient.objects.values_list("bsn_encrypted", "bsn_hash"):
        bsn = bsn_crypto.decrypt(encrypted)
        assert bsn.startswith("99") and is_valid_bsn(bsn)
        assert bsn_crypto.search_key(bsn) == key
        seen.add(bsn)
    assert len(seen) == Patient.objects.count()


def test_regiebehandelaar_periods_never_overlap_and_most_have_one_now(region):
    periods = defaultdict(list)
    for patient_id, start, end in CareTeamMember.objects.filter(
        role=CareTeamRole.REGIEBEHANDELAAR
    ).values_list("patient_id", "start", "end"):
        periods[patient_id].append((start, end or date.max))
    current = 0
    for spans in periods.values():
        spans.sort()
        for (_, first_end), (second_start, _) in pairwise(spans):
            assert first_end < second_start
        current += any(start <= TODAY <= end for start, end in spans)
    assert current / Patient.objects.count() > 0.95
    roles = set(CareTeamMember.objects.values_list("role", flat=True))
    assert roles == set(CareTeamRole.values)


def test_most_of_the_region_is_well_arranged(region):
    open_locations = Location.objects.filter(status=LocationStatus.OPEN)
    total = open_locations.count()
    vv = set(open_locations.filter(kind__in=VV_KINDS).values_list("code", flat=True))
    assert len(vv & covered_locations(Function.SO_ZORG, anw=True)) / len(vv) > 0.85
    voorwacht = covered_locations(Function.VERPLEEGKUNDIGE_VOORWACHT)
    assert len(voorwacht) / total > 0.85
    hap = covered_locations(Function.TRIAGE, anw=True)
    assert len(hap) / total > 0.9
    with_coordinator = Patient.objects.filter(coordinator__isnull=False).count()
    assert with_coordinator / Patient.objects.count() > 0.9


@pytest.mark.parametrize("kind", IMPERFECTION_KINDS)
def test_every_planted_imperfection_is_really_there(region, kind):
    planted = set(region.planted[kind])
    assert planted
    assert planted <= CHECKS[kind](TODAY)
