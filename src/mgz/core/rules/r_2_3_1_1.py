"""2.3.1.1 — Elke cliënt heeft een coördinator van de niet-medische zorg.

Wat het controleert: samenvatting van 2.3.1.1.a en 2.3.1.1.b: voor elke cliënt of een
zorgprofessional is vastgelegd die de niet-medische zorg coördineert (verpleegkundige, EVV,
casemanager, persoonlijk begeleider), en bij verblijf/VPT of die bij de aanbieder werkt.

Waarom: iedere Wlz-cliënt heeft een zorgprofessional die de niet-medische zorg coördineert en
het aanspreekpunt is voor de arts (2.3.1.1).

Voorbeeld: 'Geen coördinator van de niet-medische zorg vastgelegd voor cliënt C-5 (thuis,
VV).'
"""

from __future__ import annotations

from collections.abc import Iterable

from mgz.core.findings import WARNING, Finding
from mgz.core.rules.base import Selection, finding, label_of
from mgz.core.rules.coordination import problems
from mgz.core.snapshot import Snapshot

ID = "2.3.1.1"
TITLE = "Coördinator van de niet-medische zorg"
SUBJECT = "patient"
SEVERITY = WARNING


def check(snapshot: Snapshot, selection: Selection) -> Iterable[Finding]:
    patients = selection.patients(snapshot)
    selection.count(ID, len(patients))
    found = problems(snapshot, selection)
    for patient in patients:
        at_home, with_provider = found[patient.id]
        problem = at_home or with_provider
        if problem:
            label = label_of(snapshot, selection, patient)
            yield finding(
                ID,
                SEVERITY,
                "patient",
                patient.id,
                label,
                f"Voor {label}: {problem}.",
                "Leg een coördinator van de niet-medische zorg vast (zie 2.3.1.1.a/b wie dat regelt).",
            )
