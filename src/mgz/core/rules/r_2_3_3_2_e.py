"""2.3.3.2.e — Cliënten zonder ingekochte behandeling hebben een vaste huisarts via ION.

Wat het controleert: voor elke cliënt die op een locatie woont en geen behandeling heeft
(niet ingekocht, geen verblijf met behandeling) of die op naam ingeschreven staat bij een
huisartsenpraktijk.

Waarom: cliënten op een locatie zonder ingekochte behandeling krijgen een vaste huisarts via
inschrijving op naam (2.3.3.2.e).

Voorbeeld: 'Cliënt C-11 (locatie De Eik, VV) staat niet op naam ingeschreven bij een
huisarts.'
"""

from __future__ import annotations

from collections.abc import Iterable

from mgz.core.findings import WARNING, Finding
from mgz.core.rules.base import Selection, finding, label_of, location_of, with_treatment
from mgz.core.snapshot import Snapshot

ID = "2.3.3.2.e"
TITLE = "Zonder ingekochte behandeling: vaste huisarts via ION"
SUBJECT = "patient"
SEVERITY = WARNING


def check(snapshot: Snapshot, selection: Selection) -> Iterable[Finding]:
    checked = 0
    for patient in selection.patients(snapshot):
        location = location_of(snapshot, patient)
        if location is None or with_treatment(patient, location):
            continue
        checked += 1
        if patient.ion_practice_id is not None:
            continue
        label = label_of(snapshot, selection, patient)
        yield finding(
            ID,
            SEVERITY,
            "patient",
            patient.id,
            label,
            f"{label[0].upper()}{label[1:]} staat niet op naam ingeschreven bij een huisarts.",
            "Schrijf de cliënt in bij de vaste huisarts van de locatie (of een huisarts naar "
            "keuze).",
        )
    selection.count(ID, checked)
