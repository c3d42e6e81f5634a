"""The coordinator of non-medical care (2.3.1.1 and its parts .a and .b)."""

from __future__ import annotations

from mgz.core.rules.base import COORDINATORS, location_of
from mgz.core.snapshot import PatientSnap, Snapshot

AT_HOME = ("mpt", "pgb")
ARRANGED_BY_PROVIDER = ("verblijf", "vpt")


def problem_at_home(snapshot: Snapshot, patient: PatientSnap) -> str | None:
    """2.3.1.1.a: MPT/pgb at home: a coordinator of a coordinating discipline is recorded."""
    if patient.leveringsvorm not in AT_HOME:
        return None
    person = snapshot.professional_by_id.get(patient.coordinator_id or -1)
    if person is None:
        return "geen coördinator van de niet-medische zorg vastgelegd"
    if person.discipline not in COORDINATORS:
        return f"de coördinator ({person.name}) heeft geen coördinerende discipline"
    return None


def problem_with_provider(snapshot: Snapshot, patient: PatientSnap) -> str | None:
    """2.3.1.1.b: verblijf/VPT: the provider arranges a coordinator from its own staff."""
    if patient.leveringsvorm not in ARRANGED_BY_PROVIDER:
        return None
    person = snapshot.professional_by_id.get(patient.coordinator_id or -1)
    if person is None:
        return "geen coördinator van de niet-medische zorg vastgelegd"
    if person.discipline not in COORDINATORS:
        return f"de coördinator ({person.name}) heeft geen coördinerende discipline"
    location = location_of(snapshot, patient)
    if location is not None and location.organisation_id not in person.organisation_ids:
        return f"de coördinator ({person.name}) werkt niet bij de aanbieder van de locatie"
    return None


def problems(snapshot: Snapshot, selection) -> dict[int, tuple[str | None, str | None]]:
    """Both readings for every selected patient, computed once per evaluation."""
    found = selection.cache.get("coordination")
    if found is None:
        found = selection.cache["coordination"] = {}
        # The readings depend on three attributes only; most patients share them.
        seen: dict[tuple, tuple[str | None, str | None]] = {}
        for p in selection.patients(snapshot):
            key = (p.leveringsvorm, p.coordinator_id, p.location_id)
            answer = seen.get(key)
            if answer is None:
                answer = seen[key] = (
                    problem_at_home(snapshot, p),
                    problem_with_provider(snapshot, p),
                )
            found[p.id] = answer
    return found
