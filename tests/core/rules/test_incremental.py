"""Incremental re-check: after one random change, the same result as a full run."""

from __future__ import annotations

import random
from dataclasses import replace

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mgz.core.grid import Grid
from mgz.core.rules.engine import Change, apply_change, recheck, run_all
from mgz.core.weekpattern import parse_pattern
from tests.core.rules.random_world import (
    PATTERNS,
    random_absence,
    random_arrangement,
    random_world,
)


def random_change(world, snapshot, rnd, start, days) -> Change:
    """A change to the current snapshot; `world` only hands out fresh ids."""
    kind = rnd.choice(("arrangement", "arrangement", "absence", "care_team", "team", "patient"))
    if kind == "arrangement":
        if snapshot.arrangements and rnd.random() < 0.7:
            before = rnd.choice(snapshot.arrangements)
            if rnd.random() < 0.2:
                return Change("arrangement", before, None)
            after = replace(
                before,
                pattern=parse_pattern(rnd.choice(PATTERNS)),
                mode=rnd.choice(("beschikbaar", "bereikbaar", "telefonisch")),
            )
            return Change("arrangement", before, after)
        region = world.regions
        fresh = random_arrangement(
            world,
            rnd,
            region,
            world.locations,
            list(snapshot.patients),
            [o for o in world.organisations if o.kind.startswith("zorgaanbieder")],
            world.organisations[0],
            world.organisations[1],
            world.professionals,
            start,
        )
        world.arrangements.remove(fresh)
        return Change("arrangement", None, fresh)
    if kind == "absence":
        if snapshot.absences and rnd.random() < 0.5:
            before = rnd.choice(snapshot.absences)
            return Change("absence", before, None)
        fresh = random_absence(world, rnd, world.professionals, start, days)
        world.absences.remove(fresh)
        return Change("absence", None, fresh)
    patient = rnd.choice(snapshot.patients)
    if kind == "care_team":
        team = [m for m in snapshot.care_team if m.patient_id == patient.id]
        if team and rnd.random() < 0.5:
            return Change("care_team", rnd.choice(team), None)
        fresh = world.member(patient, rnd.choice(world.professionals[:4]))
        world.care_team.remove(fresh)
        return Change("care_team", None, fresh)
    if kind == "team":
        team = tuple(m for m in snapshot.care_team if m.patient_id == patient.id)
        new_team = tuple(replace(m, role="medebehandelaar") for m in team)
        return Change("team", team, new_team, patient_id=patient.id)
    after = replace(
        patient,
        location_id=rnd.choice([None, *(loc.id for loc in world.locations)]),
        ion_practice_id=rnd.choice((None, world.organisations[1].id)),
        zorgprofiel=rnd.choice(("VV05", "VG03", "LG01")),
    )
    after = replace(after, sector="vv" if after.zorgprofiel.startswith("VV") else "ghz")
    return Change("patient", patient, after)


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.integers(min_value=0, max_value=10**9))
def test_recheck_after_one_change_equals_a_full_run(seed):
    world, start, days = random_world(seed)
    rnd = random.Random(seed)
    grid = Grid(start, days)
    snapshot = world.snapshot()
    result = run_all(snapshot, grid)
    for _ in range(3):
        change = random_change(world, snapshot, rnd, start, days)
        changed = apply_change(snapshot, change)
        quick, _scope = recheck(result, snapshot, changed, grid, change)
        full = run_all(rebuilt(changed), grid)
        assert quick.keys() == full.keys()
        assert quick.checked == full.checked
        snapshot, result = changed, quick


def rebuilt(snapshot):
    """The same content as a fresh snapshot, with no carried-over caches."""
    return replace(snapshot, extra={})


def test_a_result_stays_readable_after_its_index_went_to_the_next_re_check():
    world, start, days = random_world(7)
    grid = Grid(start, days)
    snapshot = world.snapshot()
    rnd = random.Random(7)
    first = run_all(snapshot, grid)
    change = random_change(world, snapshot, rnd, start, days)
    changed = apply_change(snapshot, change)
    second, _ = recheck(first, snapshot, changed, grid, change)  # only an index, no list
    change = random_change(world, changed, rnd, start, days)
    changed_again = apply_change(changed, change)
    third, _ = recheck(second, changed, changed_again, grid, change)  # takes that index
    assert second.keys() == run_all(rebuilt(changed), grid).keys()
    assert third.keys() == run_all(rebuilt(changed_again), grid).keys()
