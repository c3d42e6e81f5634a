"""2.3.1.2 — Begeleiding bij artsbezoek geregeld.

Wat het controleert: voor elke cliënt of een naaste of begeleider is vastgelegd die de
cliënt kent en meegaat bij een artsbezoek.

Waarom: bij een artsbezoek kan de cliënt rekenen op een naaste of begeleider die hem of haar
kent; bij verblijf/VPT regelt de aanbieder dat, anders de regionale afspraak (2.3.1.2).

Voorbeeld: 'Geen begeleider bij artsbezoek vastgelegd voor cliënt C-8 (thuis, GHZ).'
"""

from __future__ import annotations

from collections.abc import Iterable

from mgz.core.findings import WARNING, Finding
from mgz.core.rules.base import Selection, finding, label_of
from mgz.core.snapshot import Snapshot

ID = "2.3.1.2"
TITLE = "Begeleider bij artsbezoek"
SUBJECT = "patient"
SEVERITY = WARNING


def check(snapshot: Snapshot, selection: Selection) -> Iterable[Finding]:
    patients = selection.patients(snapshot)
    selection.count(ID, len(patients))
    for patient in patients:
        if patient.has_companion:
            continue
        label = label_of(snapshot, selection, patient)
        if patient.leveringsvorm in ("verblijf", "vpt"):
            suggestion = "De aanbieder wijst een begeleider aan die de cliënt kent."
        else:
            suggestion = "Leg volgens de regionale afspraak een naaste of begeleider vast."
        yield finding(
            ID,
            SEVERITY,
            "patient",
            patient.id,
            label,
            f"Geen begeleider bij artsbezoek vastgelegd voor {label}.",
            suggestion,
        )
