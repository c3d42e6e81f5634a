"""One failing case per rule: each function breaks one thing in the complete region.

Each returns (subject kind, subject name in `world.named`, aspect or None): the subject the
rule must report. The passing case of every rule is the complete region itself.
"""

from __future__ import annotations

from mgz.core.weekpattern import parse_pattern
from tests.core.rules.builders import World


def _regie(w: World, patient: str, professional: str) -> None:
    """Make `professional` the patient's only regiebehandelaar (others become medebehandelaar)."""
    p = w[patient]
    for member in list(w.care_team):
        if member.patient_id == p.id and member.role == "regiebehandelaar":
            w.replace(member, role="medebehandelaar")
    w.member(p, w[professional])


def fail_1_1(w):
    w.remove(w["a_so"])
    return ("patient", "p_linde", "")


def fail_1_2(w):
    p = w["p_home"]
    for member in list(w.care_team):
        if member.patient_id == p.id:
            w.remove(member)
    return ("patient", "p_home", "")


def fail_2_1_1(w):
    w.replace(w["a_hap"], provider_organisation_id=w["practice"].id)
    return ("patient", "p_home", "ha")


def fail_2_1_3_a(w):
    w.replace(w["a_ha_day"], pattern=parse_pattern("ma-vr 09:00-17:00"))
    return ("patient", "p_home", "ha")


def fail_2_1_3_b_1(w):
    w.replace(w["a_hap"], pattern=parse_pattern("ma-vr 17:00-08:00"))
    return ("patient", "p_linde", "ha")


def fail_2_1_3_b_2(w):
    w.replace(w["a_so"], mode="bereikbaar")
    return ("patient", "p_hof", "so")


def fail_2_1_3_b_3(w):
    w.replace(w["a_avg"], pattern=parse_pattern("dag"))
    return ("patient", "p_berk", "avg")


def fail_2_1_3_c(w):
    w.remove(w["a_voorwacht_vv"])
    return ("patient", "p_linde", "woonplek")


def not_assessable_2_1_3_e(w):
    return ("region", "region", "")


def fail_2_1_4_b(w):
    w.replace(w["a_avg"], pattern=parse_pattern("anw"))
    return ("patient", "p_berk", "avg")


def fail_2_1_4_c(w):
    p = w["p_berk"]
    for member in list(w.care_team):
        if member.patient_id == p.id:
            w.remove(member)
    w.member(p, w["avg"])
    return ("patient", "p_berk", "")


def fail_2_1_4_d(w):
    _regie(w, "p_hof", "ha")
    return ("patient", "p_hof", "")


def fail_2_2_1(w):
    w.remove(w["a_voorwacht_ghz"])
    return ("patient", "p_berk", "")


def fail_2_2_6(w):
    _regie(w, "p_linde", "so")
    return ("patient", "p_linde", "")


def fail_2_3_1_1(w):
    w.replace(w["p_home"], coordinator_id=None)
    return ("patient", "p_home", "")


def fail_2_3_1_1_a(w):
    w.replace(w["p_home"], coordinator_id=w["ha"].id)
    return ("patient", "p_home", "")


def fail_2_3_1_1_b(w):
    w.replace(w["p_linde"], coordinator_id=w["nurse_ghz"].id)
    return ("patient", "p_linde", "")


def fail_2_3_1_2(w):
    w.replace(w["p_home"], has_companion=False)
    return ("patient", "p_home", "")


def fail_2_3_2_1(w):
    w.replace(w["linde"], protocol_wzd_date=None)
    return ("location", "linde", "")


def fail_2_3_2_2(w):
    w.remove(w["a_gedrag"])
    return ("patient", "p_berk", "")


def fail_2_3_2_3(w):
    w.replace(w["a_voorwacht_ghz"], pattern=parse_pattern("dag"))
    return ("location", "berk", "")


def fail_2_3_3_1_a(w):
    w.replace(w["p_hof"], ion_practice_id=w["practice"].id)
    return ("patient", "p_hof", "")


def fail_2_3_3_1_b(w):
    w.replace(w["p_linde"], ion_practice_id=None)
    return ("location", "linde", "ion")


def not_assessable_2_3_3_2_b(w):
    return ("region", "region", "")


def fail_2_3_3_2_c(w):
    w.replace(w["nieuw"], planned_opening=None)
    return ("location", "nieuw", "")


def fail_2_3_3_2_d(w):
    w.replace(w["linde"], hap_id=None)
    return ("location", "linde", "hap")


def fail_2_3_3_2_e(w):
    w.replace(w["p_berk"], ion_practice_id=None)
    return ("patient", "p_berk", "")


def fail_2_3_3_2_f(w):
    w.replace(w["a_so"], scope_kind="patientgroep", scope_sector="vv")
    return ("organisation", "vv_org", "")


def fail_2_4_4(w):
    _regie(w, "p_berk", "avg")
    w.replace(w["a_ha_day"], pattern=parse_pattern("ma-vr 09:00-17:00"))
    return ("patient", "p_berk", "")


def not_assessable_2_5_2(w):
    return ("region", "region", "")


FAILING = {
    name.split("_", 1)[1].replace("_", ".").replace("assessable.", ""): fn
    for name, fn in dict(globals()).items()
    if name.startswith(("fail_", "not_assessable_"))
}
NOT_ASSESSABLE_RULES = {"2.1.3.e", "2.3.3.2.b", "2.5.2"}
