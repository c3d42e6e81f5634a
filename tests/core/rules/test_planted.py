"""Two regions with planted violations of 26 distinct rules: exactly those findings, no more.

Region Utrecht is complete except for single, local breaks. Region Zuid has four region-wide
breaks whose effects overlap on purpose: the vaste huisarts only from 09:00, the SO absent on
the night of 26-12 without replacement, the AVG absent on a Sunday afternoon, and a
gedragskundige pattern without 'fd' (so no cover on Christmas and New Year's Day). An absence
*with* a present replacement is planted too, and must not produce anything.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta

from mgz.core.calendar import AnwCalendar
from mgz.core.findings import NOT_ASSESSABLE
from mgz.core.grid import Grid
from mgz.core.rules.engine import run_all
from mgz.core.weekpattern import parse_pattern
from tests.core.rules.builders import START, World, at, complete_region

END = START + timedelta(days=28)


def iv(start: datetime, end: datetime, kind: str) -> tuple:
    return (start, end, kind)


MORNINGS = tuple(
    iv(at(d.year, d.month, d.day, 8), at(d.year, d.month, d.day, 9), "dag")
    for d in (START + timedelta(days=i) for i in range(28))
    if d.weekday() < 5 and d not in (date(2026, 12, 25), date(2027, 1, 1))
)
SO_NIGHT = (iv(at(2026, 12, 26, 0), at(2026, 12, 26, 8), "anw"),)
AVG_SUNDAY = (iv(at(2026, 12, 13, 10), at(2026, 12, 13, 14), "anw"),)
HOLIDAYS = (
    iv(at(2026, 12, 25, 0), at(2026, 12, 27, 0), "anw"),
    iv(at(2027, 1, 1, 0), at(2027, 1, 2, 0), "anw"),
)
NEW_YEAR_ON = (iv(at(2027, 1, 1, 0), at(2027, 1, 4, 0), "anw"),)
WHOLE = (iv(at(2026, 12, 7, 0), at(2027, 1, 4, 0), "etmaal"),)
FROM_21 = (iv(at(2026, 12, 21, 0), at(2027, 1, 4, 0), "etmaal"),)
ALL_ANW = tuple(
    iv(a, b, "anw") for a, b in AnwCalendar().anw_periods(at(2026, 12, 7, 0), at(2027, 1, 4, 0))
)


def merged(*parts: tuple) -> tuple:
    return tuple(sorted((x for part in parts for x in part), key=lambda i: i[0]))


def build() -> tuple[World, dict, dict, dict]:
    w = World()
    complete_region(w, "Utrecht")
    one = dict(w.named)
    complete_region(w, "Zuid")
    two = dict(w.named)
    extra: dict = {}

    # --- region Utrecht: local breaks -------------------------------------------------
    w.named = one
    w.replace(one["linde"], protocol_wzd_date=None)  # 2.3.2.1
    one = w.named
    w.replace(one["nieuw"], planned_opening=None)  # 2.3.3.2.c
    w.replace(one["a_voorwacht_ghz"], valid_to=date(2026, 12, 31))  # 2.2.1, 2.1.3.c, 2.3.2.3
    one = w.named
    extra["eik"] = w.location(one["vv_org"], one["region"], "De Eik", hap_id=None)  # 2.3.3.2.d
    extra["leeg"] = w.organisation("zorgaanbieder_ghz", "Stichting Leeg", one["region"])  # .f
    region, linde, hof, berk = one["region"], one["linde"], one["hof"], one["berk"]
    practice = one["practice"]
    p = extra["p1"] = w.patient(
        region, None, "VV04", "mpt", coordinator_id=one["casemanager"].id, has_companion=False
    )
    w.member(p, one["ha"])  # 2.3.1.2
    p = extra["p2"] = w.patient(region, None, "VV04", "mpt", coordinator_id=None)
    w.member(p, one["ha"])  # 2.3.1.1, 2.3.1.1.a
    p = extra["p3"] = w.patient(
        region, linde, "VV04", ion_practice_id=practice.id, coordinator_id=one["nurse_ghz"].id
    )
    w.member(p, one["ha"])  # 2.3.1.1.b, 2.3.1.1
    extra["p4"] = w.patient(
        region, hof, "VV06", ion_practice_id=practice.id, coordinator_id=one["nurse_vv"].id
    )  # 2.3.3.1.a
    p = extra["p5"] = w.patient(region, hof, "VV06", coordinator_id=one["nurse_vv"].id)
    w.member(p, one["ha"])  # 2.1.4.d
    p = extra["p6"] = w.patient(
        region, linde, "VV04", ion_practice_id=practice.id, coordinator_id=one["nurse_vv"].id
    )
    w.member(p, one["ha"], end=date(2026, 12, 20))
    w.member(p, one["so"], start=date(2026, 12, 21))  # 2.2.6
    p = extra["p7"] = w.patient(
        region, berk, "VG02", ion_practice_id=practice.id, coordinator_id=one["nurse_ghz"].id
    )
    w.member(p, one["avg"], role="medebehandelaar")  # 2.1.4.c
    p = extra["p10"] = w.patient(region, linde, "VV04", coordinator_id=one["nurse_vv"].id)
    w.member(p, one["ha"])  # 2.3.3.2.e, 2.3.3.1.b
    # Not a violation: the AVG is away, but a present huisarts replaces.
    w.absence(one["avg"], at(2026, 12, 19, 0), at(2026, 12, 21, 0), replacement=one["ha2"])

    # --- region Zuid: region-wide breaks ------------------------------------------------
    w.named = two
    w.replace(two["a_ha_day"], pattern=parse_pattern("ma-vr 09:00-17:00"))
    w.replace(two["a_gedrag"], pattern=parse_pattern("ma-vr 00:00-24:00; za-zo 00:00-24:00"))
    two = w.named
    w.absence(two["so"], at(2026, 12, 26, 0), at(2026, 12, 26, 8))
    w.absence(two["avg"], at(2026, 12, 13, 10), at(2026, 12, 13, 14))
    p = extra["p8"] = w.patient(
        two["region"],
        two["berk"],
        "VG03",
        behandeling_ingekocht=True,
        coordinator_id=two["nurse_ghz"].id,
    )
    w.member(p, two["avg"])
    w.member(p, two["ha"], role="medebehandelaar")
    return w, one, two, extra


def expected(one: dict, two: dict, extra: dict) -> list[tuple]:
    keys = []

    def add(rule_id, kind, subject, aspect="", found=(), status="fail"):
        keys.append((rule_id, kind, subject.id, aspect, status, tuple(found)))

    for named in (one, two):
        for rule_id in ("2.1.3.e", "2.3.3.2.b", "2.5.2"):
            add(rule_id, "region", named["region"], status=NOT_ASSESSABLE)

    # Utrecht
    add("2.3.2.1", "location", one["linde"])
    add("2.3.3.2.c", "location", one["nieuw"])
    for patient in (one["p_berk"], extra["p7"]):
        add("2.2.1", "patient", patient, found=NEW_YEAR_ON)
        add("2.1.3.c", "patient", patient, "woonplek", NEW_YEAR_ON)
    add("2.3.2.3", "location", one["berk"], found=NEW_YEAR_ON)
    add("2.3.3.2.d", "location", extra["eik"], "hap", ALL_ANW)
    add("2.3.3.2.f", "organisation", extra["leeg"])
    add("2.3.1.2", "patient", extra["p1"])
    add("2.3.1.1", "patient", extra["p2"])
    add("2.3.1.1.a", "patient", extra["p2"])
    add("2.3.1.1", "patient", extra["p3"])
    add("2.3.1.1.b", "patient", extra["p3"])
    add("2.3.3.1.a", "patient", extra["p4"])
    add("1.2", "patient", extra["p4"], found=WHOLE)  # no care team at all
    add("1.2", "patient", extra["p7"], found=WHOLE)  # only a medebehandelaar
    add("2.1.4.d", "patient", extra["p5"], found=WHOLE)
    add("2.2.6", "patient", extra["p6"], found=FROM_21)
    add("2.1.4.c", "patient", extra["p7"], found=WHOLE)
    add("2.3.3.2.e", "patient", extra["p10"])
    add("2.3.3.1.b", "location", one["linde"], "ion")

    # Zuid: the 09:00 start of the vaste huisarts hits every patient and both locations
    # without treatment; the SO night hits the VV patients, the AVG Sunday the AVG patients.
    vv = (two["p_linde"], two["p_hof"], two["p_home"])
    avg = (two["p_berk"], extra["p8"])
    for patient in (*vv, *avg):
        add("2.1.3.a", "patient", patient, "ha", MORNINGS)
        add("2.1.1", "patient", patient, "ha", MORNINGS)
    for patient in vv:
        add("2.1.3.b.2", "patient", patient, "so", SO_NIGHT)
        add("2.1.1", "patient", patient, "so", SO_NIGHT)
        add("1.1", "patient", patient, found=merged(MORNINGS, SO_NIGHT))
    for patient in avg:
        add("2.1.3.b.3", "patient", patient, "avg", AVG_SUNDAY)
        add("2.1.1", "patient", patient, "avg", AVG_SUNDAY)
        add("1.1", "patient", patient, found=merged(MORNINGS, AVG_SUNDAY))
    for patient in (two["p_linde"], two["p_berk"], extra["p8"]):
        add("2.3.2.2", "patient", patient, found=HOLIDAYS)
    # Regiebehandelaar SO (p_hof) or AVG (p8): no huisarts reachable on those mornings.
    add("2.1.4.b", "patient", two["p_hof"], "ha", MORNINGS)
    add("2.1.4.b", "patient", extra["p8"], "ha", MORNINGS)
    add("2.4.4", "patient", extra["p8"], found=MORNINGS)
    add("2.2.1", "patient", two["p_home"], found=MORNINGS)
    for location in (two["linde"], two["berk"]):
        add("2.3.3.2.d", "location", location, "vaste_huisarts", MORNINGS)
    return sorted(keys)


def test_exactly_the_planted_findings_with_their_intervals():
    world, one, two, extra = build()
    result = run_all(world.snapshot(), Grid(START, 28))
    want = expected(one, two, extra)
    got = result.keys()
    missing = [k[:4] for k in want if k not in got]
    unexpected = [k[:4] for k in got if k not in want]
    assert not missing and not unexpected, (missing, unexpected)
    assert got == want
    planted_rules = {k[0] for k in want if k[4] == "fail"}
    assert len(planted_rules) >= 15


def test_the_example_message_of_the_issue():
    world, _one, two, _extra = build()
    result = run_all(world.snapshot(), Grid(START, 28))
    (hit,) = [
        f for f in result.findings if f.rule_id == "2.1.3.b.2" and f.subject_id == two["p_linde"].id
    ]
    assert hit.message == (
        "Geen SO bereikbaar (of beschikbaar als regiebehandelaar) in de ANW "
        "za 26-12-2026 00:00–08:00 (8 u in totaal) voor cliënt "
        f"{two['p_linde'].code} (locatie De Linde, VV)."
    )
    assert hit.intervals[0].start.tzinfo is not None
    assert hit.intervals[0].as_dict()["start"] == "2026-12-26T00:00:00+01:00"
