"""On the region demo the findings are a realistic mix, and every planted imperfection is found.

The demo generator (mgz.demo) plants imperfections at known rates and records their codes;
the engine must report each of them under the clause it breaks. Most of the region is well
arranged, so most subjects pass most rules: neither all red nor all green.
"""

from __future__ import annotations

from contextlib import nullcontext

import pytest

from mgz.conformance import services
from mgz.registry.models import Location, Patient
from tests.conformance.conftest import TODAY

# Planted kind -> (rule, subject kind of the recorded codes)
PLANTED = {
    "patient_without_coordinator": ("2.3.1.1", "patient"),
    "patient_without_companion": ("2.3.1.2", "patient"),
    "ion_gp_with_so_regiebehandelaar": ("2.2.6", "patient"),
    "met_behandeling_patient_with_ion": ("2.3.3.1.a", "patient"),
    "ghz_patient_only_avg": ("2.1.4.c", "patient"),
    "patient_without_regiebehandelaar": ("1.2", "patient"),
    "location_without_wzd_protocol": ("2.3.2.1", "location"),
    "location_without_infection_protocol": ("2.3.2.1", "location"),
    "location_without_voorwacht": ("2.3.2.3", "location"),
    "planned_location_without_arrangements": ("2.3.3.2.c", "location"),
}


@pytest.fixture
def region_demo(db, monkeypatch):
    from mgz.demo import loader

    monkeypatch.setattr(loader, "_bulk_load", nullcontext)
    return loader.generate("region", 1, today=TODAY)


def test_region_demo_gives_a_realistic_mix_and_finds_every_planted_gap(region_demo):
    outcome = services.run_check(start=TODAY, store=False)
    summaries = {s.rule_id: s for s in outcome.result.summaries(outcome.rules)}
    patients = Patient.objects.count()
    with_error = {
        f.subject_id
        for f in outcome.result.findings
        if f.subject_kind == "patient" and f.severity == "error" and f.status == "fail"
    }
    # Not all green, not all red.
    assert 0.01 * patients < len(with_error) < 0.5 * patients
    decided = [s for s in summaries.values() if s.checked and not s.not_assessable]
    mixed = [s for s in decided if 0 < s.failing < s.checked]
    assert len(mixed) >= len(decided) * 2 // 3, [(s.rule_id, s.failing, s.checked) for s in decided]
    assert sum(s.failing for s in decided) < sum(s.checked for s in decided) * 0.25

    failing = {(f.rule_id, f.subject_kind, f.subject_id) for f in outcome.result.findings}
    ids = {
        "patient": dict(Patient.objects.values_list("code", "id")),
        "location": dict(Location.objects.values_list("code", "id")),
    }
    for kind, (rule_id, subject_kind) in PLANTED.items():
        codes = region_demo.planted.get(kind, [])
        assert codes, kind
        missed = [c for c in codes if (rule_id, subject_kind, ids[subject_kind][c]) not in failing]
        assert not missed, (kind, rule_id, missed[:5])
