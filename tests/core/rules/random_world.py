"""Random small regions for property tests and the incremental equality test."""

from __future__ import annotations

import random
from datetime import date, time, timedelta

from tests.core.rules.builders import World, at

PATTERNS = (
    "altijd",
    "anw",
    "dag",
    "ma-vr 08:00-17:00",
    "ma-vr 17:00-08:00; za-zo 00:00-24:00; fd 00:00-24:00",
    "za,zo 10:00-14:00",
    "ma,wo 22:00-06:30",
    "fd 00:00-24:00",
    "di-do 08:10-12:50",
    "vr-zo 02:00-03:00",
    "zo 01:30-02:45",
    "ma-zo 00:00-24:00",
    "",
)
FUNCTIONS = (
    "ha_zorg",
    "so_zorg",
    "avg_zorg",
    "triage",
    "verpleegkundige_voorwacht",
    "gedragskundige_voorwacht",
    "gedragskundige",
)
MODES = ("beschikbaar", "bereikbaar", "telefonisch")
PROFILES = ("VV04", "VV05", "VV07", "VG03", "LVG02", "LG04", "ZGvis02", "GGZ-W01")
# Horizons over a clock change (25-10-2026, 28-03-2027), Christmas, Easter and Koningsdag.
STARTS = (date(2026, 10, 22), date(2027, 3, 25), date(2026, 12, 21), date(2027, 4, 24))


def random_world(seed: int) -> tuple[World, date, int]:
    rnd = random.Random(seed)
    w = World()
    regions = [w.region("Noord")]
    if rnd.random() < 0.5:
        regions.append(w.region("Zuid", anw_weekday_start=time(18), anw_weekday_end=time(7)))
    hap = w.organisation("hap", "HAP", regions[0])
    practice = w.organisation("huisartsenpraktijk", "Praktijk", regions[0])
    providers = [
        w.organisation("zorgaanbieder_vv", "VV", regions[0]),
        w.organisation("zorgaanbieder_ghz", "GHZ", regions[-1]),
    ]
    locations = []
    for i in range(rnd.randint(1, 3)):
        region = rnd.choice(regions)
        locations.append(
            w.location(
                rnd.choice(providers),
                region,
                f"Locatie {i}",
                treatment_model=rnd.choice(("met_behandeling", "zonder_behandeling")),
                status=rnd.choice(("open", "open", "gepland")),
                hap_id=rnd.choice((hap.id, hap.id, None)),
                subregion_id=rnd.choice((None, 1)),
            )
        )
    people = [
        w.professional(d, orgs=[rnd.choice([*providers, practice])])
        for d in ("huisarts", "huisarts", "so", "avg", "verpleegkundige", "gedragskundige")
    ]
    physicians = people[:4]
    patients = []
    for _ in range(rnd.randint(1, 5)):
        location = rnd.choice([*locations, None])
        region = (
            next(r for r in regions if r.id == location.region_id)
            if location
            else rnd.choice(regions)
        )
        patient = w.patient(
            region,
            location,
            rnd.choice(PROFILES),
            leveringsvorm=rnd.choice(("verblijf", "vpt", "mpt", "pgb")),
            behandeling_ingekocht=rnd.random() < 0.2,
            verstandelijke_beperking=rnd.random() < 0.5,
            ion_practice_id=rnd.choice((practice.id, None)),
            coordinator_id=rnd.choice((people[4].id, None)),
            has_companion=rnd.random() < 0.7,
        )
        patients.append(patient)
    start = rnd.choice(STARTS)
    days = rnd.randint(3, 8)
    for patient in patients:
        for member_start in sorted(rnd.sample(range(-3, days + 2), rnd.randint(0, 2))):
            w.member(
                patient,
                rnd.choice(physicians),
                role=rnd.choice(("regiebehandelaar", "medebehandelaar")),
                start=start + timedelta(days=member_start),
                end=rnd.choice((None, start + timedelta(days=member_start + rnd.randint(0, 4)))),
            )
    for _ in range(rnd.randint(2, 14)):
        random_arrangement(
            w, rnd, regions, locations, patients, providers, hap, practice, people, start
        )
    for _ in range(rnd.randint(0, 3)):
        random_absence(w, rnd, people, start, days)
    return w, start, days


def random_arrangement(
    w, rnd, regions, locations, patients, providers, hap, practice, people, start
):
    kind = rnd.choice(("locaties", "organisatie", "patientgroep", "regio", "subregio", "patienten"))
    by_org = rnd.random() < 0.4
    valid_from = start + timedelta(days=rnd.randint(-10, 4))
    return w.arrangement(
        rnd.choice(FUNCTIONS),
        rnd.choice(MODES),
        rnd.choice(PATTERNS),
        professional=None if by_org else rnd.choice(people),
        org=rnd.choice([hap, practice, *providers]) if by_org else None,
        scope_kind=kind,
        locations=rnd.sample(locations, rnd.randint(0, len(locations))),
        patients=rnd.sample(patients, rnd.randint(0, len(patients))) if patients else (),
        scope_org=rnd.choice(providers),
        region=rnd.choice(regions),
        subregion_id=1,
        sector=rnd.choice(("", "", "vv", "ghz")),
        valid_from=valid_from,
        valid_to=rnd.choice((None, valid_from + timedelta(days=rnd.randint(0, 6)))),
    )


def random_absence(w, rnd, people, start, days):
    begin = at(start.year, start.month, start.day) + timedelta(
        minutes=rnd.randint(-600, days * 1440)
    )
    return w.absence(
        rnd.choice(people),
        begin,
        begin + timedelta(minutes=rnd.randint(1, 3 * 1440)),
        replacement=rnd.choice([None, *people]),
    )
