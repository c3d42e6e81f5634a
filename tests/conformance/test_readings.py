"""The core's copies of registry readings stay equal to the registry's (no Django in the core)."""

from __future__ import annotations

import pytest

from mgz.core.rules.base import needs_avg
from mgz.core.snapshot import PatientSnap
from mgz.registry import constants


@pytest.mark.parametrize("profile", sorted(constants.ZORGPROFIEL_SECTOR))
@pytest.mark.parametrize("vb", [False, True])
def test_needs_avg_is_the_registry_reading(profile, vb):
    patient = PatientSnap(
        1,
        "C1",
        profile,
        constants.sector_of(profile) or "",
        "verblijf",
        1,
        verstandelijke_beperking=vb,
    )
    assert needs_avg(patient) == constants.needs_avg(profile, verstandelijke_beperking=vb)
