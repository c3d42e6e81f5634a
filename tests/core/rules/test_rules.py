"""Every rule: passes on the complete region, fails on a minimal break of it.

The rules that read data of other apps (regiotafel, handover: 2.1.3.e, 2.3.3.2.b, 2.5.2)
report 'niet te beoordelen' when the snapshot lacks it, as in these pure worlds, and never
pass then; test_regiotafel_rules.py has their pass and fail cases with the data.
"""

from __future__ import annotations

import pytest

from mgz.core.findings import FAIL, NOT_ASSESSABLE, SEVERITIES, SUBJECT_KINDS
from mgz.core.grid import Grid
from mgz.core.rules.base import Selection
from mgz.core.rules.registry import DOC_SECTIONS, all_rules, doc_sections, module_name, rule_by_id
from tests.core.rules.builders import START, complete_region
from tests.core.rules.fixtures import FAILING, NOT_ASSESSABLE_RULES

RULES = {rule.ID: rule for rule in all_rules()}
GRID = Grid(START, 28)


def findings_of(rule_id: str, world):
    rule = RULES[rule_id]
    return list(rule.check(world.snapshot(), Selection.everything(GRID)))


@pytest.mark.parametrize("rule_id", sorted(RULES))
def test_rule_passes_on_the_complete_region(rule_id):
    found = findings_of(rule_id, complete_region())
    if rule_id in NOT_ASSESSABLE_RULES:
        assert found and {f.status for f in found} == {NOT_ASSESSABLE}
    else:
        assert found == []


@pytest.mark.parametrize("rule_id", sorted(RULES))
def test_rule_fails_on_its_minimal_break(rule_id):
    world = complete_region()
    kind, name, aspect = FAILING[rule_id](world)
    found = findings_of(rule_id, world)
    subject = world[name]
    hits = [f for f in found if f.subject == (kind, subject.id) and f.aspect == aspect]
    assert hits, [f.message for f in found]
    expected_status = NOT_ASSESSABLE if rule_id in NOT_ASSESSABLE_RULES else FAIL
    assert all(f.status == expected_status for f in hits)
    assert all(f.message and f.suggestion for f in hits)


def test_every_rule_has_a_failing_case_and_nothing_else_does():
    assert set(FAILING) == set(RULES)


@pytest.mark.parametrize("rule_id", sorted(RULES))
def test_every_rule_is_documented_and_declared(rule_id):
    rule = RULES[rule_id]
    assert rule.__name__.endswith("." + module_name(rule_id))
    assert rule.TITLE and rule.SUBJECT in SUBJECT_KINDS and rule.SEVERITY in SEVERITIES
    sections = doc_sections(rule)
    assert sections["title"].startswith(rule_id + " — ")
    for section in DOC_SECTIONS:
        assert len(sections.get(section, "")) > 20, f"{rule_id}: '{section}' ontbreekt"
    assert f"({rule_id})" in sections["Waarom"] or rule_id in sections["Waarom"]
    assert callable(rule.check)


def test_ids_are_unique():
    assert len(rule_by_id()) == len(all_rules())


def test_time_gap_of_the_day_rule_is_the_missing_morning_hour():
    world = complete_region()
    FAILING["2.1.3.a"](world)
    found = [f for f in findings_of("2.1.3.a", world) if f.aspect == "ha"]
    first = found[0].intervals[0]
    assert (first.start.isoformat(), first.end.isoformat(), first.kind) == (
        "2026-12-07T08:00:00+01:00",
        "2026-12-07T09:00:00+01:00",
        "dag",
    )
    # 20 weekdays in the horizon minus Christmas (vr 25-12) and New Year (vr 01-01) = 18.
    assert len(found[0].intervals) == 18
    assert "ma 07-12-2026 08:00–09:00" in found[0].message
