"""Coverage requirements for the physicians (HA, SO, AVG), shared by 1.1, 2.1.1 and 2.1.3.*.

Each function returns the slots in which the requirement is *not* met for one patient, as a
boolean mask (or None when the requirement does not apply to the patient).
"""

from __future__ import annotations

from mgz.core.coverage import HAP, Coverage
from mgz.core.rules.base import (
    AVG,
    HA,
    SO,
    covers_key,
    location_of,
    needs_avg,
    needs_so,
    with_treatment,
)
from mgz.core.snapshot import PatientSnap

SUGGEST_HA_DAY = (
    "Maak een afspraak over vaste huisartsenzorg met een huisartsenpraktijk, "
    "of wijs een vervangende huisarts aan."
)
SUGGEST_HA_ANW = "Leg vast welke HAP de cliënt in de ANW bedient (HAP-afspraak voor deze locatie)."
SUGGEST_SO = (
    "Maak een beschikbaarheidsafspraak met een SO (of SO-praktijk) of wijs een vervanger aan."
)
SUGGEST_AVG = (
    "Maak een beschikbaarheidsafspraak met een AVG (of AVG-praktijk) of wijs een vervanger aan."
)


def day_gap(cov: Coverage, patient: PatientSnap, functions: tuple[str, ...], mode: str):
    return cov.day(patient.region_id) & ~cov.patient_cover(patient, functions, mode)


def anw_gap(
    cov: Coverage, patient: PatientSnap, functions: tuple[str, ...], mode: str, provider=None
):
    return cov.anw(patient.region_id) & ~cov.patient_cover(patient, functions, mode, provider)


def treated(cov: Coverage, patient: PatientSnap) -> bool:
    return with_treatment(patient, location_of(cov.snapshot, patient))


def specialist_day_gap(cov: Coverage, patient: PatientSnap, functions, discipline: str):
    """Daytime SO/AVG: available where they treat (regiebehandelaar, or verblijf met
    behandeling), otherwise reachable for consultation, co-treatment or transfer."""
    if treated(cov, patient):
        leads = cov.full
    else:
        leads = cov.segments_mask(cov.regie(patient), (discipline,))
    available = cov.patient_cover(patient, functions, "beschikbaar")
    reachable = cov.patient_cover(patient, functions, "bereikbaar")
    return cov.day(patient.region_id) & ((leads & ~available) | (~leads & ~reachable))


def gap_2_1_3_a(cov: Coverage, patient: PatientSnap) -> dict[str, int]:
    """Daytime: a HA available; SO (VV) and AVG (where needed) available where they treat,
    reachable otherwise."""
    gaps = {"ha": day_gap(cov, patient, HA, "beschikbaar")}
    if needs_so(patient):
        gaps["so"] = specialist_day_gap(cov, patient, SO, "so")
    if needs_avg(patient):
        gaps["avg"] = specialist_day_gap(cov, patient, AVG, "avg")
    return gaps


def gap_2_1_3_b_1(cov: Coverage, patient: PatientSnap) -> int:
    """ANW: a HA available."""
    return anw_gap(cov, patient, HA, "beschikbaar")


def gap_2_1_3_b_2(cov: Coverage, patient: PatientSnap) -> int | None:
    """ANW, VV: a SO reachable; available on days the SO is regiebehandelaar."""
    if not needs_so(patient):
        return None
    regie_so = cov.segments_mask(cov.regie(patient), ("so",))
    reachable = cov.patient_cover(patient, SO, "bereikbaar")
    available = cov.patient_cover(patient, SO, "beschikbaar")
    missing = (regie_so & ~available) | (~regie_so & ~reachable)
    return cov.anw(patient.region_id) & missing


def gap_2_1_3_b_3(cov: Coverage, patient: PatientSnap) -> int | None:
    """ANW, GHZ: an AVG reachable by telephone."""
    if not needs_avg(patient):
        return None
    return anw_gap(cov, patient, AVG, "telefonisch")


def gap_2_1_1(cov: Coverage, patient: PatientSnap) -> dict[str, int]:
    """Per physician, day and ANW; the HA in ANW through the regular landscape (a HAP)."""
    gaps = {
        "ha": day_gap(cov, patient, HA, "beschikbaar")
        | anw_gap(cov, patient, HA, "beschikbaar", HAP)
    }
    if needs_so(patient):
        gaps["so"] = specialist_day_gap(cov, patient, SO, "so") | anw_gap(
            cov, patient, SO, "bereikbaar"
        )
    if needs_avg(patient):
        gaps["avg"] = specialist_day_gap(cov, patient, AVG, "avg") | anw_gap(
            cov, patient, AVG, "telefonisch"
        )
    return gaps


PHYSICIAN_FUNCTIONS = HA + SO + AVG


COVERS = (
    (HA, "beschikbaar", None),
    (HA, "bereikbaar", None),
    (HA, "beschikbaar", HAP),
    (SO, "beschikbaar", None),
    (SO, "bereikbaar", None),
    (AVG, "beschikbaar", None),
    (AVG, "bereikbaar", None),
    (AVG, "telefonisch", None),
)


def group_key(cov: Coverage, cls) -> tuple:
    """Everything the physician requirements of a class of patients depend on: the coverage
    itself (not which arrangements give it), so patients of different practices with the
    same hours share one evaluation. Made once per class, shared by 1.1, 2.1.1, 2.1.3.a and
    2.1.4.b."""
    found = cls.keys.get("physicians")
    if found is None:
        first = cls.first
        found = cls.keys["physicians"] = (
            covers_key(cov, first, COVERS),
            first.sector,
            cls.avg,
            cls.treated,
            cls.regie,
        )
    return found
