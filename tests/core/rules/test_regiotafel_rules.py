"""2.3.3.2.b and 2.5.2 decide once the snapshot carries the regiotafel (from mgz.regiotafel)."""

from __future__ import annotations

from datetime import date

from mgz.core.findings import FAIL
from mgz.core.grid import Grid
from mgz.core.rules import r_2_3_3_2_b, r_2_5_2
from mgz.core.rules.base import Selection
from tests.core.rules.builders import START, complete_region

TOPICS = frozenset(
    {
        "mdo",
        "consultatie",
        "medebehandeling",
        "regiebehandelaarschap",
        "beschikbaarheid_anw",
        "vervanging",
    }
)


def regiotafel(world, *, parties=("so", "avg", "zorgkantoor"), topics=TOPICS, table=True):
    region = world["region"]
    return {
        "regiotafel": {
            "day": date(2026, 12, 7),
            "membership": {region.id: frozenset(parties)} if table else {},
            "topics": {loc.id: frozenset(topics) for loc in world.locations},
            "required_parties": frozenset({"so", "avg"}),
            "required_topics": TOPICS,
            "party_names": {"so": "SO", "avg": "AVG"},
            "topic_names": {"vervanging": "Vervanging bij vakantie en ziekte"},
        }
    }


def run(rule, snapshot):
    return list(rule.check(snapshot, Selection.everything(Grid(START, 7))))


def test_both_pass_when_so_and_avg_sit_at_the_table_and_every_topic_is_agreed():
    world = complete_region()
    snapshot = world.snapshot(regiotafel(world))
    assert run(r_2_3_3_2_b, snapshot) == []
    assert run(r_2_5_2, snapshot) == []


def test_a_region_without_a_table_or_without_an_avg_fails():
    world = complete_region()
    (found,) = run(r_2_3_3_2_b, world.snapshot(regiotafel(world, table=False)))
    assert found.status == FAIL and found.aspect == "regiotafel"
    (found,) = run(r_2_3_3_2_b, world.snapshot(regiotafel(world, parties=("so",))))
    assert "geen AVG" in found.message


def test_a_location_without_the_replacement_topic_fails_2_5_2():
    world = complete_region()
    data = regiotafel(world)
    data["regiotafel"]["topics"][world["linde"].id] = TOPICS - {"vervanging"}
    (found,) = run(r_2_5_2, world.snapshot(data))
    assert found.subject_id == world["region"].id
    assert "voor 1 van de 3 open locaties" in found.message
    assert "Vervanging bij vakantie en ziekte (1)" in found.message


def test_2_1_3_e_counts_the_patients_without_a_handover_once_the_snapshot_has_them():
    from mgz.core.rules import r_2_1_3_e

    world = complete_region()
    written = frozenset(p.id for p in world.patients)
    assert run(r_2_1_3_e, world.snapshot({"handover_patients": written})) == []
    (found,) = run(r_2_1_3_e, world.snapshot({"handover_patients": written - {world["p_home"].id}}))
    assert found.status == FAIL and "1 van de 4 cliënten" in found.message
