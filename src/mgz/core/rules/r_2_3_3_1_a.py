"""2.3.3.1.a — Verblijf met behandeling: geen inschrijving op naam bij een huisarts.

Wat het controleert: cliënten met verblijf met behandeling (behandeling ingekocht, of verblijf
op een locatie die behandeling biedt) die toch op naam ingeschreven staan bij een
huisartsenpraktijk.

Waarom: een aanbieder van verblijf met behandeling organiseert de MGZ zelf; ION bij een
huisarts is dan niet mogelijk (2.3.3.1.a).

Voorbeeld: 'Cliënt C-3 (locatie De Linde, VV) heeft verblijf met behandeling maar staat op
naam ingeschreven bij Huisartsenpraktijk Zuid.'
"""

from __future__ import annotations

from collections.abc import Iterable

from mgz.core.findings import WARNING, Finding
from mgz.core.rules.base import Selection, finding, label_of, location_of, with_treatment
from mgz.core.snapshot import Snapshot

ID = "2.3.3.1.a"
TITLE = "Verblijf met behandeling: geen ION bij een huisarts"
SUBJECT = "patient"
SEVERITY = WARNING


def check(snapshot: Snapshot, selection: Selection) -> Iterable[Finding]:
    checked = 0
    for patient in selection.patients(snapshot):
        if not with_treatment(patient, location_of(snapshot, patient)):
            continue
        checked += 1
        if patient.ion_practice_id is None:
            continue
        practice = snapshot.organisation_by_id.get(patient.ion_practice_id)
        label = label_of(snapshot, selection, patient)
        yield finding(
            ID,
            SEVERITY,
            "patient",
            patient.id,
            label,
            f"{label[0].upper()}{label[1:]} heeft verblijf met behandeling maar staat op naam "
            f"ingeschreven bij {practice.name if practice else 'een huisartsenpraktijk'}.",
            "Beëindig de inschrijving op naam; de instelling organiseert de MGZ zelf (SO/AVG).",
        )
    selection.count(ID, checked)
