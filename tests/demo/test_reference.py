"""The public aggregates and the synthetic-value makers, without a database."""

from __future__ import annotations

import random

from mgz.core.bsn import is_valid_bsn
from mgz.demo import reference as ref
from mgz.demo import synth
from mgz.registry.constants import ZORGPROFIEL_SECTOR
from mgz.registry.models import phone_validator, postcode_validator


def test_there_are_31_zorgkantoorregios_with_unique_codes_and_names():
    assert len(ref.REGIONS) == 31
    assert len({r.code for r in ref.REGIONS}) == 31
    assert len({r.name for r in ref.REGIONS}) == 31
    assert {"Groningen", "'t Gooi", "Zaanstreek/Waterland", "Flevoland"} <= {
        r.name for r in ref.REGIONS
    }


def test_the_region_scale_is_the_region_closest_to_the_national_mean():
    mean = 1 / len(ref.REGIONS)
    distance = {r.code: abs(ref.region_share(r) - mean) for r in ref.REGIONS}
    assert distance[ref.DEFAULT_REGION] == min(distance.values())


def test_shares_add_up_and_profiles_exist():
    assert sum(ref.SECTOR_SHARE.values()) == 1
    for by_lv in ref.LEVERINGSVORM_SHARE.values():
        assert abs(sum(by_lv.values()) - 1) < 1e-9
    for sector, weights in ref.ZORGPROFIEL_WEIGHTS.items():
        assert {ZORGPROFIEL_SECTOR[code] for code in weights} == {sector}


def test_synthetic_bsns_start_with_99_pass_the_11_proef_and_never_repeat():
    sequence = synth.BsnSequence(random.Random(1))
    numbers = [sequence.next() for _ in range(50_000)]
    assert len(set(numbers)) == len(numbers)
    assert all(n.startswith("99") and is_valid_bsn(n) for n in numbers)


def test_apportion_splits_exactly():
    parts = synth.apportion(11_640, {"a": 0.62, "b": 0.33, "c": 0.05})
    assert sum(parts.values()) == 11_640
    assert parts == {"a": 7217, "b": 3841, "c": 582}


def test_addresses_and_phone_numbers_pass_the_registry_validators():
    rng = random.Random(3)
    for spec in ref.REGIONS:
        for _ in range(20):
            postcode_validator(synth.postcode(rng, spec))
            phone_validator(synth.phone(rng, spec.code))
            phone_validator(synth.mobile(rng))
