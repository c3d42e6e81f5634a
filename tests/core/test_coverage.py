"""Coverage: validity dates, absences and replacements, groups of patients, bitsets."""

from __future__ import annotations

from datetime import date

from mgz.core.coverage import HAP, PRAKTIJK, Coverage
from mgz.core.grid import Grid
from tests.core.rules.builders import START, at, complete_region

GRID = Grid(START, 7)


def slot(grid, moment) -> int:
    return grid.slot_at_or_after(moment)


def test_an_absence_without_replacement_removes_the_cover():
    world = complete_region()
    world.absence(world["so"], at(2026, 12, 8, 10, 7), at(2026, 12, 8, 12))
    cov = Coverage(world.snapshot(), GRID)
    mask = cov.to_array(cov.patient_cover(world["p_linde"], ("so_zorg",), "beschikbaar"))
    assert mask[slot(GRID, at(2026, 12, 8, 10))]  # 10:00 starts before the absence
    assert not mask[slot(GRID, at(2026, 12, 8, 10, 15))]
    assert not mask[slot(GRID, at(2026, 12, 8, 11, 45))]
    assert mask[slot(GRID, at(2026, 12, 8, 12))]


def test_a_present_replacement_carries_the_arrangement_an_absent_one_does_not():
    world = complete_region()
    world.absence(world["so"], at(2026, 12, 8, 10), at(2026, 12, 8, 14), replacement=world["ha2"])
    world.absence(world["ha2"], at(2026, 12, 8, 13), at(2026, 12, 8, 15))
    cov = Coverage(world.snapshot(), GRID)
    mask = cov.to_array(cov.patient_cover(world["p_linde"], ("so_zorg",), "beschikbaar"))
    assert mask[slot(GRID, at(2026, 12, 8, 12))]
    assert not mask[slot(GRID, at(2026, 12, 8, 13))]


def test_validity_dates_are_inclusive_local_days():
    world = complete_region()
    world.replace(world["a_so"], valid_from=date(2026, 12, 9), valid_to=date(2026, 12, 10))
    cov = Coverage(world.snapshot(), GRID)
    mask = cov.to_array(cov.patient_cover(world["p_linde"], ("so_zorg",), "beschikbaar"))
    assert not mask[slot(GRID, at(2026, 12, 8, 23, 45))]
    assert mask[slot(GRID, at(2026, 12, 9, 0))]
    assert mask[slot(GRID, at(2026, 12, 10, 23, 45))]
    assert not mask[slot(GRID, at(2026, 12, 11, 0))]


def test_a_weaker_mode_does_not_satisfy_a_stronger_requirement():
    world = complete_region()
    world.replace(world["a_so"], mode="telefonisch")
    cov = Coverage(world.snapshot(), GRID)
    patient = world["p_linde"]
    assert cov.patient_cover(patient, ("so_zorg",), "telefonisch") == cov.full
    assert cov.patient_cover(patient, ("so_zorg",), "bereikbaar") == 0


def test_provider_filters_tell_the_hap_from_the_practice():
    world = complete_region()
    cov = Coverage(world.snapshot(), GRID)
    patient = world["p_home"]
    anw = cov.anw(patient.region_id)
    assert cov.patient_cover(patient, ("ha_zorg",), "beschikbaar", HAP) == anw
    practice = cov.patient_cover(patient, ("ha_zorg",), "beschikbaar", PRAKTIJK)
    assert not (practice & anw) and practice


def test_patients_of_one_location_share_one_mask():
    world = complete_region()
    twin = world.patient(world["region"], world["linde"], "VV05")
    cov = Coverage(world.snapshot(), GRID)
    a = cov.patient_cover(world["p_linde"], ("so_zorg",), "beschikbaar")
    b = cov.patient_cover(twin, ("so_zorg",), "beschikbaar")
    assert a is b


def test_bitsets_round_trip_to_numpy():
    world = complete_region()
    cov = Coverage(world.snapshot(), GRID)
    anw = cov.anw(world["region"].id)
    array = cov.to_array(anw)
    assert array.tolist() == GRID.masks(world.snapshot().calendar_for(None)).anw.tolist()
    assert cov.to_int(array) == anw
    assert cov.day(world["region"].id) == cov.full ^ anw


def test_the_bulk_regie_pass_equals_the_per_patient_look_up():
    from tests.core.rules.random_world import random_world

    for seed in range(20):
        world, start, days = random_world(seed)
        snapshot = world.snapshot()
        one, bulk = Coverage(snapshot, Grid(start, days)), Coverage(snapshot, Grid(start, days))
        bulk.regie_all()
        for patient in snapshot.patients:
            assert bulk.regie(patient) == one.regie(patient)


def test_patients_at_home_with_equal_hours_of_another_practice_share_a_group():
    """Own arrangements count by what decides coverage (function, mode, kind of provider,
    hours), not by which practice: such patients share one class, other hours do not."""
    from mgz.core.rules.base import Selection, patient_classes

    world = complete_region()
    region = world["region"]
    other = world.organisation("huisartsenpraktijk", "Huisartsen Noord", region)
    patients = [world.patient(region, None, "VV04", leveringsvorm="mpt") for _ in range(3)]
    for patient, org, pattern in zip(
        patients,
        (world["practice"], other, other),
        ("ma-vr 08:00-17:00", "ma-vr 08:00-17:00", "za-zo 10:00-12:00"),
        strict=True,
    ):
        world.arrangement(
            "ha_zorg", "beschikbaar", pattern, org=org, scope_kind="patienten", patients=[patient]
        )
    snapshot = world.snapshot()
    cov = Coverage(snapshot, GRID)
    same, also, later = patients
    assert cov.group_key(same) != cov.group_key(also)
    assert cov.signature_group(same) == cov.signature_group(also)
    assert cov.signature_group(same) != cov.signature_group(later)
    for provider in (None, PRAKTIJK, HAP):
        covers = [cov.patient_cover(p, ("ha_zorg",), "beschikbaar", provider) for p in patients]
        assert covers[0] == covers[1]
    assert cov.patient_cover(same, ("ha_zorg",), "beschikbaar", PRAKTIJK) != cov.patient_cover(
        later, ("ha_zorg",), "beschikbaar", PRAKTIJK
    )
    classes = {
        id(c): {p.id for p in c.members}
        for c in patient_classes(cov, Selection.everything(GRID), snapshot)
    }
    together = next(ids for ids in classes.values() if same.id in ids)
    assert also.id in together and later.id not in together


def test_a_filter_on_one_organisation_is_for_locations_only():
    import pytest

    world = complete_region()
    cov = Coverage(world.snapshot(), GRID)
    with pytest.raises(ValueError):
        cov.patient_cover(world["p_home"], ("ha_zorg",), "beschikbaar", ("org", world["hap"].id))
