"""Synthetic planning inputs: a reproducible "largest demo region" for benchmarks and tests.

Why synthetic: the benchmark must run without a database, and the real demo data lives in
the Django apps. The shape follows the largest demo region: about 60 SO and 10 AVG across
8 organisations, split into two SO subregions, over a quarter with Easter, King's Day,
Liberation Day, Ascension and Whitsun in it.
"""

from __future__ import annotations

import random
from datetime import date, timedelta

from mgz.core.planning.assign import Location, Practice
from mgz.core.planning.roster import Person, Requirement, RosterProblem


def demo_region_roster(
    *,
    seed: int = 1,
    so: int = 60,
    avg: int = 10,
    organisations: int = 8,
    start: date = date(2026, 4, 1),
    days: int = 91,
) -> RosterProblem:
    """A quarterly ANW roster problem for one large region (deterministic for a seed)."""
    rng = random.Random(seed)
    orgs = [f"Org{chr(ord('A') + i)}" for i in range(organisations)]
    north = frozenset(orgs[: organisations // 2])
    south = frozenset(orgs[organisations // 2 :])
    persons = []
    for index in range(so + avg):
        discipline = "SO" if index < so else "AVG"
        organisation = orgs[index % organisations]
        holiday = start + timedelta(days=rng.randrange(days))
        absences = {holiday + timedelta(days=k) for k in range(rng.choice((0, 7, 14)))}
        absences |= {start + timedelta(days=rng.randrange(days)) for _ in range(rng.randrange(3))}
        wants = {start + timedelta(days=rng.randrange(days)) for _ in range(rng.randrange(3))}
        avoids = {start + timedelta(days=rng.randrange(days)) for _ in range(rng.randrange(4))}
        persons.append(
            Person(
                id=f"{discipline.lower()}{index:03d}",
                name=f"{discipline} {index:03d}",
                organisation=organisation,
                discipline=discipline,
                fte=rng.choice((0.6, 0.8, 0.8, 1.0, 1.0)),
                absences=frozenset(absences),
                max_duties=rng.choice((None, None, None, 8)),
                wants=frozenset(wants - absences),
                avoids=frozenset(avoids - wants),
            )
        )
    requirements = (
        Requirement("SO noord", "SO", organisations=north),
        Requirement("SO zuid", "SO", organisations=south),
        Requirement("AVG regio", "AVG"),
    )
    return RosterProblem("Demoregio", start, days, tuple(persons), requirements)


def demo_region_assignment(
    *, seed: int = 1, practices: int = 30, locations: int = 60
) -> tuple[tuple[Practice, ...], tuple[Location, ...]]:
    """GP practices and residential locations scattered over a 40 × 40 km region."""
    rng = random.Random(seed)
    practice_list = []
    for index in range(practices):
        practice_list.append(
            Practice(
                id=f"p{index:03d}",
                name=f"Huisartsenpraktijk {index:03d}",
                x_km=rng.uniform(0, 40),
                y_km=rng.uniform(0, 40),
                fte=rng.choice((1.0, 1.5, 2.0, 2.5, 3.0)),
                wlz_per_fte=rng.choice((20, 25, 30)),
                current_wlz=rng.randrange(0, 15),
            )
        )
    location_list = []
    for index in range(locations):
        ion = frozenset(rng.sample([p.id for p in practice_list], rng.choice((0, 0, 1, 2))))
        location_list.append(
            Location(
                id=f"l{index:03d}",
                name=f"Locatie {index:03d}",
                x_km=rng.uniform(0, 40),
                y_km=rng.uniform(0, 40),
                patients=rng.randrange(4, 20),
                ion_practices=ion,
            )
        )
    return tuple(practice_list), tuple(location_list)
