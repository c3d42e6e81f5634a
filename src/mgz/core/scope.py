"""Which arrangements apply to whom, in which strength, and what an absence does to them.

Shared by the conformance engine and routing, so "covered" means one thing everywhere.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date, datetime

from mgz.core.snapshot import (
    AbsenceSnap,
    ArrangementSnap,
    LocationSnap,
    PatientSnap,
    Snapshot,
)

# Being available implies being reachable, which implies being reachable by phone.
MODE_STRENGTH = {"beschikbaar": 3, "bereikbaar": 2, "telefonisch": 1}


def satisfies(mode: str, required: str) -> bool:
    """Whether an arrangement in `mode` meets a requirement of `required`."""
    return MODE_STRENGTH[mode] >= MODE_STRENGTH[required]


def applies_to_location(arrangement: ArrangementSnap, location: LocationSnap) -> bool:
    """Whether the arrangement covers everybody living at the location."""
    kind = arrangement.scope_kind
    if kind == "locaties":
        return location.id in arrangement.location_ids
    if kind == "organisatie":
        return location.organisation_id == arrangement.scope_organisation_id
    if kind == "subregio":
        return (
            location.subregion_id is not None
            and location.subregion_id == arrangement.scope_subregion_id
        )
    if kind == "regio":
        return location.region_id == arrangement.scope_region_id and not arrangement.scope_sector
    return False  # patientgroep and patienten depend on the patient


def applies_to_patient(
    arrangement: ArrangementSnap, patient: PatientSnap, location: LocationSnap | None
) -> bool:
    kind = arrangement.scope_kind
    if kind == "patienten":
        return patient.id in arrangement.patient_ids
    if kind in ("patientgroep", "regio"):
        if (
            arrangement.scope_region_id is not None
            and patient.region_id != arrangement.scope_region_id
        ):
            return False
        return not arrangement.scope_sector or arrangement.scope_sector == patient.sector
    if location is None:
        return False
    return applies_to_location(arrangement, location)


def valid_on(arrangement: ArrangementSnap, day: date) -> bool:
    return arrangement.valid_from <= day and (
        arrangement.valid_to is None or day <= arrangement.valid_to
    )


def absence_at(snapshot: Snapshot, professional_id: int, moment: datetime) -> AbsenceSnap | None:
    for absence in snapshot.absences_by_professional.get(professional_id, ()):
        if absence.start <= moment < absence.end:
            return absence
    return None


def arrangements_for_patient(snapshot: Snapshot, patient: PatientSnap) -> list[ArrangementSnap]:
    """All arrangements whose scope includes the patient (any function, any time)."""
    index = _scope_index(snapshot)
    location = snapshot.location_by_id.get(patient.location_id) if patient.location_id else None
    candidates: list[ArrangementSnap] = []
    seen: set[int] = set()
    keys = [("patient", patient.id), ("region", patient.region_id)]
    if location is not None:
        keys += [
            ("location", location.id),
            ("organisation", location.organisation_id),
            ("subregion", location.subregion_id),
            ("region", location.region_id),
        ]
    for key in keys:
        for arrangement in index.get(key, ()):
            if arrangement.id not in seen and applies_to_patient(arrangement, patient, location):
                seen.add(arrangement.id)
                candidates.append(arrangement)
    return candidates


def arrangements_for_location(snapshot: Snapshot, location: LocationSnap) -> list[ArrangementSnap]:
    index = _scope_index(snapshot)
    found: dict[int, ArrangementSnap] = {}
    for key in (
        ("location", location.id),
        ("organisation", location.organisation_id),
        ("subregion", location.subregion_id),
        ("region", location.region_id),
    ):
        for arrangement in index.get(key, ()):
            if applies_to_location(arrangement, location):
                found[arrangement.id] = arrangement
    return list(found.values())


def _scope_index(snapshot: Snapshot) -> dict[tuple[str, int | None], list[ArrangementSnap]]:
    """Arrangements keyed by what their scope names; built once per snapshot."""
    cached = snapshot.extra.get("scope_index")
    if cached is not None:
        return cached
    index: dict[tuple[str, int | None], list[ArrangementSnap]] = defaultdict(list)
    for arrangement in snapshot.arrangements:
        kind = arrangement.scope_kind
        if kind == "locaties":
            for location_id in arrangement.location_ids:
                index[("location", location_id)].append(arrangement)
        elif kind == "patienten":
            for patient_id in arrangement.patient_ids:
                index[("patient", patient_id)].append(arrangement)
        elif kind == "organisatie":
            index[("organisation", arrangement.scope_organisation_id)].append(arrangement)
        elif kind == "subregio":
            index[("subregion", arrangement.scope_subregion_id)].append(arrangement)
        elif kind in ("regio", "patientgroep"):
            index[("region", arrangement.scope_region_id)].append(arrangement)
    snapshot.extra["scope_index"] = dict(index)
    return snapshot.extra["scope_index"]


def provider_present(snapshot: Snapshot, arrangement: ArrangementSnap, moment: datetime) -> bool:
    """Whether the arrangement can be carried at the moment, given absences.

    An organisation's service never is absent. A professional's arrangement does not count
    while they are absent, unless the absence names a replacement who is not absent then.
    """
    if arrangement.professional_id is None:
        return True
    absence = absence_at(snapshot, arrangement.professional_id, moment)
    if absence is None:
        return True
    if absence.replacement_id is None:
        return False
    return absence_at(snapshot, absence.replacement_id, moment) is None
