"""The index answers exactly as the reference does, on random worlds (hypothesis).

Three layers are held together: pattern intervals against `WeekPattern.covers` minute by
minute; the reference's change-point windows against a walk over every minute; and the index
against the reference, around DST changes, holidays, absences and regiebehandelaar changes.
"""

from __future__ import annotations

import dataclasses
from datetime import UTC, datetime, time, timedelta

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mgz.core.calendar import TZ, calendar_with
from mgz.core.route_index import RouteIndex
from mgz.core.routing import (
    CALLERS,
    QUESTIONS,
    URGENCIES,
    pattern_intervals,
    route_reference,
    to_minute,
)
from mgz.core.snapshot import (
    AbsenceSnap,
    ArrangementSnap,
    CareTeamSnap,
    LocationSnap,
    OrganisationSnap,
    PatientSnap,
    ProfessionalSnap,
    RegionSnap,
    Snapshot,
)
from mgz.core.weekpattern import parse_pattern

PATTERNS = [
    "altijd",
    "anw",
    "dag",
    "ma-vr 08:00-17:00",
    "ma-vr 17:00-08:00; za-zo 00:00-24:00; fd 00:00-24:00",
    "ma,wo 07:30-09:15",
    "za-zo 00:00-24:00",
    "fd 10:00-02:00",
    "di-do 22:00-06:00",
    "zo 01:30-03:30",
    "vr 02:00-02:45; ma 23:59-00:01",
]
FUNCTIONS = [
    "ha_zorg",
    "so_zorg",
    "avg_zorg",
    "verpleegkundige_voorwacht",
    "gedragskundige_voorwacht",
    "gedragskundige",
]
# Near the DST changes of 2026, around Koningsdag/Bevrijdingsdag and Christmas.
BASES = [
    datetime(2026, 3, 29, 2, 0, tzinfo=TZ),
    datetime(2026, 10, 25, 2, 30, tzinfo=TZ),
    datetime(2026, 4, 27, 12, 0, tzinfo=TZ),
    datetime(2026, 12, 24, 20, 0, tzinfo=TZ),
    datetime(2026, 5, 5, 7, 59, tzinfo=TZ),
]
PROFILES = [
    ("VV04", "vv"),
    ("VG03", "ghz"),
    ("LG04", "ghz"),
    ("GGZ-W02", "ggz"),
]


@st.composite
def worlds(draw):
    base = draw(st.sampled_from(BASES))
    start, end = draw(st.sampled_from([(time(17), time(8)), (time(18), time(7, 30))]))
    region = RegionSnap(1, "R", "Regio", start, end)
    organisations = (
        OrganisationSnap(1, "O1", "Aanbieder Een", "zorgaanbieder_vv", 1),
        OrganisationSnap(2, "O2", "Aanbieder Twee", "zorgaanbieder_ghz", 1),
        OrganisationSnap(3, "HAP", "Huisartsenpost", "hap", 1),
    )
    locations = tuple(
        LocationSnap(
            i,
            f"L{i}",
            f"Locatie {i}",
            draw(st.sampled_from([1, 2])),
            1,
            "verpleeghuis",
            draw(st.sampled_from(["met_behandeling", "zonder_behandeling"])),
        )
        for i in (1, 2)
    )
    disciplines = ["huisarts", "so", "avg", "gedragskundige"]
    professionals = tuple(
        ProfessionalSnap(
            i, f"P{i}", f"Arts {i}", draw(st.sampled_from(disciplines)), f"06-1000000{i}"
        )
        for i in range(1, draw(st.integers(2, 5)) + 1)
    )
    prof_ids = [p.id for p in professionals]
    patients = []
    for i in range(1, draw(st.integers(1, 3)) + 1):
        profile, sector = draw(st.sampled_from(PROFILES))
        location = draw(st.sampled_from([None, 1, 2]))
        patients.append(
            PatientSnap(
                i,
                f"C{i}",
                profile,
                sector,
                "verblijf" if location else draw(st.sampled_from(["mpt", "vpt", "pgb"])),
                1,
                location_id=location,
                behandeling_ingekocht=draw(st.booleans()),
                verstandelijke_beperking=draw(st.booleans()),
            )
        )
    arrangements = []
    for i in range(1, draw(st.integers(1, 9)) + 1):
        scope = draw(
            st.sampled_from(["locaties", "organisatie", "patientgroep", "regio", "patienten"])
        )
        by_org = draw(st.booleans())
        valid_from = base.date() + timedelta(days=draw(st.integers(-4, 1)))
        valid_to = draw(st.one_of(st.none(), st.integers(0, 4)))
        arrangements.append(
            ArrangementSnap(
                id=i,
                code=f"A{i:02d}",
                function=draw(st.sampled_from(FUNCTIONS)),
                mode=draw(st.sampled_from(["beschikbaar", "bereikbaar", "telefonisch"])),
                scope_kind=scope,
                pattern=parse_pattern(draw(st.sampled_from(PATTERNS))),
                valid_from=valid_from,
                valid_to=None if valid_to is None else valid_from + timedelta(days=valid_to),
                phone=f"050-12345{i:02d}",
                professional_id=None if by_org else draw(st.sampled_from(prof_ids)),
                provider_organisation_id=3 if by_org else None,
                location_ids=frozenset(draw(st.sets(st.sampled_from([1, 2])))),
                patient_ids=frozenset(draw(st.sets(st.sampled_from([p.id for p in patients])))),
                scope_organisation_id=draw(st.sampled_from([1, 2])),
                scope_region_id=1,
                scope_sector=draw(st.sampled_from(["", "vv", "ghz"]))
                if scope == "patientgroep"
                else "",
            )
        )
    absences = []
    for i in range(1, draw(st.integers(0, 4)) + 1):
        begin = base + timedelta(seconds=draw(st.integers(-3 * 86400, 2 * 86400)))
        absences.append(
            AbsenceSnap(
                i,
                draw(st.sampled_from(prof_ids)),
                draw(st.sampled_from(["vakantie", "ziekte"])),
                begin,
                begin + timedelta(seconds=draw(st.integers(60, 3 * 86400))),
                draw(st.one_of(st.none(), st.sampled_from(prof_ids))),
                draw(st.sampled_from(["", "050-7654321"])),
            )
        )
    care_team = []
    for patient in patients:
        if draw(st.booleans()):
            first = base.date() + timedelta(days=draw(st.integers(-3, 0)))
            switch = first + timedelta(days=draw(st.integers(0, 2)))
            care_team.append(
                CareTeamSnap(
                    patient.id, draw(st.sampled_from(prof_ids)), "regiebehandelaar", first, switch
                )
            )
            care_team.append(
                CareTeamSnap(
                    patient.id,
                    draw(st.sampled_from(prof_ids)),
                    "regiebehandelaar",
                    switch + timedelta(days=1),
                )
            )
    snapshot = Snapshot(
        regions=(region,),
        organisations=organisations,
        locations=locations,
        professionals=professionals,
        patients=tuple(patients),
        care_team=tuple(care_team),
        arrangements=tuple(arrangements),
        absences=tuple(absences),
    )
    return snapshot, base


requests = st.tuples(
    st.integers(-2 * 24 * 60, 2 * 24 * 60),
    st.sampled_from(list(QUESTIONS)),
    st.sampled_from(list(URGENCIES)),
    st.sampled_from(list(CALLERS)),
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(worlds(), st.lists(requests, min_size=1, max_size=6))
def test_the_index_answers_exactly_as_the_reference(world, calls):
    snapshot, base = world
    index = RouteIndex(snapshot, start=base - timedelta(days=4), weeks=1, window_limit=24 * 60)
    for offset, question, urgency, caller in calls:
        moment = base + timedelta(minutes=offset, seconds=17)
        for patient in snapshot.patients:
            expected = route_reference(
                snapshot, patient.code, moment, question, urgency, caller, window_limit=24 * 60
            )
            assert index.route(patient.code, moment, question, urgency, caller) == expected


@settings(max_examples=50, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(worlds(), requests)
def test_change_point_windows_equal_a_walk_over_every_minute(world, call):
    snapshot, base = world
    offset, question, urgency, caller = call
    moment = base + timedelta(minutes=offset % 600)
    if snapshot.absences:  # look where an absence starts or ends, where windows are subtle
        absence = snapshot.absences[offset % len(snapshot.absences)]
        edge = absence.start if offset % 2 else absence.end
        moment = edge + timedelta(minutes=offset % 240 - 120)
    patient = snapshot.patients[0]
    fast = route_reference(
        snapshot, patient.code, moment, question, urgency, caller, window_limit=240
    )
    slow = route_reference(
        snapshot,
        patient.code,
        moment,
        question,
        urgency,
        caller,
        window_limit=240,
        every_minute=True,
    )
    assert fast == slow


@settings(max_examples=30, deadline=None)
@given(st.sampled_from(PATTERNS), st.sampled_from(BASES), st.sampled_from([17, 18]))
def test_pattern_intervals_hold_exactly_where_covers_holds(text, base, anw_start):
    pattern = parse_pattern(text)
    calendar = calendar_with(time(anw_start), time(8))
    start = to_minute(base) - 36 * 60
    end = start + 72 * 60
    intervals = pattern_intervals(pattern, calendar, start, end)
    inside = set()
    for a, b in intervals:
        inside.update(range(a, b))
    for minute in range(start, end):
        moment = datetime.fromtimestamp(minute * 60, UTC)
        assert (minute in inside) == pattern.covers(moment, calendar), moment.astimezone(TZ)


def test_a_moment_outside_the_horizon_still_gets_the_reference_answer():
    from tests.routing.world import DAY, world

    snapshot = world()
    index = RouteIndex(snapshot, start=DAY, weeks=1)
    later = DAY + timedelta(days=60)
    assert not index.covers_moment(later)
    assert index.route("VV-ZONDER", later, "somatisch_acuut", "U3", "verzorgende") == (
        route_reference(snapshot, "VV-ZONDER", later, "somatisch_acuut", "U3", "verzorgende")
    )


def test_unknown_inputs_are_refused_in_dutch():
    import pytest

    from mgz.core.routing import UnknownCode, UnknownPatient
    from tests.routing.world import DAY, world

    index = RouteIndex(world(), start=DAY, weeks=1)
    with pytest.raises(UnknownPatient, match="niet bekend"):
        index.route("NIEMAND", DAY, "somatisch_acuut", "U3", "verzorgende")
    with pytest.raises(UnknownCode, match="onbekende vraag"):
        index.route("VV-MET", DAY, "koorts", "U3", "verzorgende")
    with pytest.raises(UnknownCode, match="onbekende urgentie"):
        index.route("VV-MET", DAY, "somatisch_acuut", "U9", "verzorgende")
    with pytest.raises(UnknownCode, match="onbekende beller"):
        index.route("VV-MET", DAY, "somatisch_acuut", "U3", "buurman")


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(worlds(), worlds(), st.lists(requests, min_size=1, max_size=4), st.randoms())
def test_replacing_absences_patches_the_index_to_a_fresh_answer(world, other, calls, rng):
    snapshot, base = world
    index = RouteIndex(snapshot, start=base - timedelta(days=4), weeks=1, window_limit=24 * 60)
    for offset, question, urgency, caller in calls:  # use it before the change
        index.route(
            snapshot.patients[0].code, base + timedelta(minutes=offset), question, urgency, caller
        )
    # some absences kept, some dropped, some new ones (from another random world)
    kept = [a for a in snapshot.absences if rng.random() < 0.5]
    people = [p.id for p in snapshot.professionals]
    new = [
        dataclasses.replace(
            a,
            id=100 + i,
            professional_id=rng.choice(people),
            replacement_id=rng.choice([None, *people]),
            start=a.start - other[1] + base,
            end=a.end - other[1] + base,
        )
        for i, a in enumerate(other[0].absences)
    ]
    changed = index.replace_absences(tuple(kept + new))
    assert changed <= {a.professional_id for a in (*snapshot.absences, *new)}
    fresh = dataclasses.replace(snapshot, absences=tuple(kept + new), extra={})
    for offset, question, urgency, caller in calls:
        moment = base + timedelta(minutes=offset, seconds=5)
        for patient in snapshot.patients:
            expected = route_reference(
                fresh, patient.code, moment, question, urgency, caller, window_limit=24 * 60
            )
            assert index.route(patient.code, moment, question, urgency, caller) == expected


def test_when_a_replacement_is_no_longer_absent_the_replaced_arrangement_is_answered_again():
    from tests.routing.world import VAC, world

    snapshot = world()
    index = RouteIndex(snapshot, start=VAC - timedelta(days=3), weeks=1)
    before = index.route("VV-ZONDER", VAC, "somatisch_acuut", "U3", "huisarts")
    assert before.steps[-1].gap == "2.1.3.a"  # Meijer ill, his replacement Visser absent too
    without_visser = tuple(a for a in snapshot.absences if a.professional_id != 4)
    assert index.replace_absences(without_visser) == {4}
    after = index.route("VV-ZONDER", VAC, "somatisch_acuut", "U3", "huisarts")
    assert (after.steps[-1].name, after.steps[-1].replaces) == ("D. Visser", "H. Meijer")
    fresh = dataclasses.replace(snapshot, absences=without_visser, extra={})
    assert after == route_reference(fresh, "VV-ZONDER", VAC, "somatisch_acuut", "U3", "huisarts")
