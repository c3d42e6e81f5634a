"""2.3.1.1.b — Verblijf of VPT: de aanbieder regelt de coördinator.

Wat het controleert: voor cliënten met verblijf of VPT of een coördinator met een
coördinerende discipline is vastgelegd, en (bij verblijf op een locatie) of die persoon bij
de aanbieder van de locatie werkt.

Waarom: bij verblijf of VPT regelt de zorgaanbieder de coördinator van de niet-medische zorg
(2.3.1.1.b).

Voorbeeld: 'Voor cliënt C-2 (locatie De Linde, VV): de coördinator (J. Jansen) werkt niet
bij de aanbieder van de locatie.'
"""

from __future__ import annotations

from collections.abc import Iterable

from mgz.core.findings import WARNING, Finding
from mgz.core.rules.base import Selection, finding, label_of
from mgz.core.rules.coordination import ARRANGED_BY_PROVIDER, problems
from mgz.core.snapshot import Snapshot

ID = "2.3.1.1.b"
TITLE = "Coördinator bij verblijf/VPT door de aanbieder"
SUBJECT = "patient"
SEVERITY = WARNING


def check(snapshot: Snapshot, selection: Selection) -> Iterable[Finding]:
    patients = [p for p in selection.patients(snapshot) if p.leveringsvorm in ARRANGED_BY_PROVIDER]
    selection.count(ID, len(patients))
    found = problems(snapshot, selection)
    for patient in patients:
        problem = found[patient.id][1]
        if problem:
            label = label_of(snapshot, selection, patient)
            yield finding(
                ID,
                SEVERITY,
                "patient",
                patient.id,
                label,
                f"Voor {label}: {problem}.",
                "Wijs een EVV'er of persoonlijk begeleider van de aanbieder aan als coördinator.",
            )
