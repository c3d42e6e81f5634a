"""'Wie bel ik nu?': the chain of people to call for a patient at this moment.

Uses the routing service (mgz.routing) when it is installed; until then a plain reading of
the registry: the arrangements covering the patient's location now, then the care team.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from django.utils import timezone

from mgz.registry.constants import CareTeamRole
from mgz.registry.models import Patient
from mgz.web.weekview import arrangements_for_location, covers_now


@dataclass(frozen=True)
class CallStep:
    label: str  # what this step is, e.g. "Huisarts (ANW: HAP)"
    who: str
    phone: str
    note: str = ""

    @property
    def tel(self) -> str:
        digits = "".join(c for c in self.phone if c.isdigit() or c == "+")
        return digits


def call_chain(patient: Patient, *, now: datetime | None = None) -> tuple[list[CallStep], str]:
    """The steps in order, and where they come from (shown to the user)."""
    now = now or timezone.now()
    routed = _from_routing(patient, now)
    if routed is not None:
        return routed, "routering"
    return _from_registry(patient, now), "register"


def _from_routing(patient: Patient, now: datetime) -> list[CallStep] | None:
    try:
        from mgz.routing import services as routing_services  # type: ignore[attr-defined]
    except ImportError:
        return None
    route = getattr(routing_services, "route_for_patient", None)
    if route is None:
        return None
    result = route(patient.id, now)
    return [
        CallStep(
            label=getattr(step, "label", "") or getattr(step, "title", ""),
            who=str(getattr(step, "who_name", "") or getattr(step, "who", "")),
            phone=getattr(step, "phone", "") or "",
            note=getattr(step, "note", "") or "",
        )
        for step in getattr(result, "steps", [])
    ]


def _from_registry(patient: Patient, now: datetime) -> list[CallStep]:
    steps: list[CallStep] = []
    location = patient.location
    if location is not None:
        for arrangement in arrangements_for_location(location, day=timezone.localdate(now)):
            if covers_now(arrangement, location, now=now):
                steps.append(
                    CallStep(
                        label=f"{arrangement.get_function_display()} ({arrangement.get_mode_display().lower()})",
                        who=arrangement.provider_name,
                        phone=arrangement.phone,
                        note=arrangement.note,
                    )
                )
        if location.hap_id and location.hap.phone:
            steps.append(CallStep("Huisartsenspoedpost", str(location.hap), location.hap.phone))
    today = timezone.localdate(now)
    for member in patient.care_team.select_related("professional"):
        if member.active_on(today) and member.role == CareTeamRole.REGIEBEHANDELAAR:
            steps.append(
                CallStep(
                    "Regiebehandelaar MGZ", str(member.professional), member.professional.phone
                )
            )
    if patient.ion_practice_id and patient.ion_practice.phone:
        steps.append(
            CallStep("Eigen huisarts (ION)", str(patient.ion_practice), patient.ion_practice.phone)
        )
    return [step for step in steps if step.phone]
