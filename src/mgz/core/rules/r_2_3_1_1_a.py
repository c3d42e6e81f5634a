"""2.3.1.1.a — Thuis (MPT/pgb): in de regio afgesproken wie de niet-medische zorg coördineert.

Wat het controleert: voor cliënten met MPT of pgb of een coördinator is vastgelegd met een
coördinerende discipline (wijkverpleging, casemanager dementie, persoonlijk begeleider …).

Waarom: bij MPT/pgb thuis wordt in de regio afgesproken wie de coördinatie doet
(wijkverpleging, sociaal domein, casemanager dementie) (2.3.1.1.a).

Voorbeeld: 'Voor cliënt C-5 (thuis, VV): geen coördinator van de niet-medische zorg
vastgelegd.'
"""

from __future__ import annotations

from collections.abc import Iterable

from mgz.core.findings import WARNING, Finding
from mgz.core.rules.base import Selection, finding, label_of
from mgz.core.rules.coordination import AT_HOME, problems
from mgz.core.snapshot import Snapshot

ID = "2.3.1.1.a"
TITLE = "Coördinator thuis (MPT/pgb) afgesproken"
SUBJECT = "patient"
SEVERITY = WARNING


def check(snapshot: Snapshot, selection: Selection) -> Iterable[Finding]:
    patients = [p for p in selection.patients(snapshot) if p.leveringsvorm in AT_HOME]
    selection.count(ID, len(patients))
    found = problems(snapshot, selection)
    for patient in patients:
        problem = found[patient.id][0]
        if problem:
            label = label_of(snapshot, selection, patient)
            yield finding(
                ID,
                SEVERITY,
                "patient",
                patient.id,
                label,
                f"Voor {label}: {problem}.",
                "Spreek in de regio af wie coördineert (wijkverpleging, sociaal domein of "
                "casemanager dementie) en leg die persoon vast.",
            )
