"""'Wie bel ik nu?': the chain of people to call for a patient at this moment.

The chain comes from the routing service (mgz.routing.services.route_for), the same one
behind GET /api/v1/route. Only when routing is unavailable (not installed, or its index
cannot answer) does the page fall back to a plain reading of the registry, and says so.
Access has been decided and logged before this module is called (mgz.web.patients).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime

from django.utils import timezone

from mgz.accounts.access import membership_of
from mgz.accounts.constants import Role
from mgz.core.findings import format_moment
from mgz.registry.constants import CareTeamRole
from mgz.registry.models import Patient
from mgz.web.weekview import arrangements_for_location, covers_now

log = logging.getLogger(__name__)

DEFAULT_QUESTION = "somatisch_acuut"
DEFAULT_URGENCY = "U3"


@dataclass(frozen=True)
class CallStep:
    label: str  # what this step is, e.g. "Het meldpunt: verpleegkundige voorwacht"
    who: str
    phone: str
    note: str = ""
    gap: str = ""  # a rule id when nobody is there (a knelpunt)

    @property
    def tel(self) -> str:
        return "".join(c for c in self.phone if c.isdigit() or c == "+")


@dataclass(frozen=True)
class Chain:
    steps: list[CallStep]
    source: str  # "routering" or "register"
    kind: str = ""  # "dag" / "anw"
    holiday: str = ""
    notes: tuple[str, ...] = ()


def caller_for(user) -> str:
    """The routing 'caller' code that fits the user's role."""
    membership = membership_of(user)
    if membership is None:
        return "verzorgende"
    if membership.role == Role.HAP:
        return "hap_triagist"
    if membership.role == Role.ARTS and membership.professional_id:
        return {"huisarts": "huisarts", "so": "so", "avg": "avg"}.get(
            membership.professional.discipline, "huisarts"
        )
    return "verzorgende"


def call_chain(
    user,
    patient: Patient,
    *,
    now: datetime | None = None,
    question: str = DEFAULT_QUESTION,
    urgency: str = DEFAULT_URGENCY,
) -> Chain:
    now = now or timezone.now()
    try:
        return _from_routing(user, patient, now, question, urgency)
    except ImportError:
        pass
    except Exception:  # the night page must still answer; the failure is logged
        log.exception("routering mislukt voor %s", patient.code)
    return Chain(_from_registry(patient, now), "register")


def _from_routing(user, patient: Patient, now: datetime, question: str, urgency: str) -> Chain:
    from mgz.core.routing import ROLE_LABELS
    from mgz.routing.services import route_for

    result = route_for(user, patient.code, now, question, urgency, caller_for(user))
    steps = []
    for step in result.steps:
        role = ROLE_LABELS.get(step.role, step.role)
        label = f"{role[:1].upper()}{role[1:]}: {step.function_label.lower()}"
        if step.mode_label:
            label += f" ({step.mode_label})"
        note = step.explanation
        if step.replaces:
            note = f"Vervangt {step.replaces}. {note}"
        until = step.window_end_at
        if until is not None:
            note = f"Tot {format_moment(until)}. {note}"
        steps.append(
            CallStep(
                label=label,
                who=step.name or "niemand geregeld",
                phone=step.phone or "",
                note=note.strip(),
                gap=step.gap or "",
            )
        )
    return Chain(
        steps, "routering", kind=result.kind, holiday=result.holiday or "", notes=result.notes
    )


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
