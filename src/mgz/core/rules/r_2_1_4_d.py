"""2.1.4.d — Bij verblijf met behandeling valt de huisartsenzorg onder de SO.

Wat het controleert: voor cliënten met verblijf met behandeling (behandeling ingekocht, of
verblijf op een locatie die behandeling biedt) de dagen waarop een huisarts de
regiebehandelaar MGZ is in plaats van de SO of AVG van de instelling.

Waarom: bij verblijf met behandeling bij één aanbieder wordt alle huisartsgeneeskundige zorg
binnen de instelling georganiseerd, onder verantwoordelijkheid van de SO (2.1.4.d).

Voorbeeld: 'Huisarts is regiebehandelaar bij verblijf met behandeling ma 07-12-2026 00:00 –
… voor cliënt C-3 (locatie De Linde, VV).'
"""

from __future__ import annotations

from collections.abc import Iterable

from mgz.core.coverage import coverage_for
from mgz.core.findings import WARNING, Finding
from mgz.core.rules.base import Selection, finding, gap, label_of, location_of, with_treatment
from mgz.core.snapshot import Snapshot

ID = "2.1.4.d"
TITLE = "Verblijf met behandeling: huisartsenzorg onder de SO"
SUBJECT = "patient"
SEVERITY = WARNING


def check(snapshot: Snapshot, selection: Selection) -> Iterable[Finding]:
    cov = coverage_for(snapshot, selection.grid)
    checked = 0
    for patient in selection.patients(snapshot):
        if not with_treatment(patient, location_of(snapshot, patient)):
            continue
        checked += 1
        segments = cov.regie(patient)
        found = cov.memo(
            (ID, segments),
            lambda segments=segments: gap(
                cov.grid,
                "",
                cov.segments_mask(segments, ("huisarts",)),
                None,
                "Huisarts is regiebehandelaar bij verblijf met behandeling",
                "Draag het regiebehandelaarschap over aan de SO (of AVG) van de instelling; "
                "de huisartsenzorg hoort binnen de instelling.",
            ),
        )
        if found is not None:
            label = label_of(snapshot, selection, patient)
            yield finding(
                ID,
                SEVERITY,
                "patient",
                patient.id,
                label,
                f"{found.what} {found.when} voor {label}.",
                found.suggestion,
                found=found.intervals,
            )
    selection.count(ID, checked)
