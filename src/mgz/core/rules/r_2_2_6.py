"""2.2.6 — Risico: ION bij een huisarts terwijl een SO/AVG regiebehandelaar is.

Wat het controleert: cliënten die op naam ingeschreven staan bij een huisartsenpraktijk en
van wie een SO of AVG de regiebehandelaar MGZ is; de dagen waarop dat zo is, worden als
risico gemeld — tenzij de terugval geregeld is: een terugvalafspraak bij een afgeronde
overdracht van het regiebehandelaarschap, of een geldige regiotafelafspraak die artikel 2.2.6
noemt voor de regio, subregio, organisatie of locatie van de cliënt (snapshot.extra
"fallback_covered", geladen door mgz.conformance.loader).

Waarom: stopt de SO/AVG de behandeling, dan valt de cliënt terug op de huisarts; regionale
afspraken moeten dat opvangen (2.2.6).

Voorbeeld: 'Risico op terugval naar de huisarts ma 07-12-2026 00:00 – … voor cliënt C-21
(thuis, GHZ).'
"""

from __future__ import annotations

from collections.abc import Iterable

from mgz.core.coverage import coverage_for
from mgz.core.findings import WARNING, Finding
from mgz.core.rules.base import Selection, finding, gap, label_of
from mgz.core.snapshot import Snapshot

ID = "2.2.6"
TITLE = "Risico: ION bij huisarts met SO/AVG als regiebehandelaar"
SUBJECT = "patient"
SEVERITY = WARNING


def check(snapshot: Snapshot, selection: Selection) -> Iterable[Finding]:
    cov = coverage_for(snapshot, selection.grid)
    covered = snapshot.extra.get("fallback_covered", frozenset())
    checked = 0
    for patient in selection.patients(snapshot):
        if patient.ion_practice_id is None:
            continue
        checked += 1
        if patient.id in covered:
            continue
        segments = cov.regie(patient)
        found = cov.memo(
            (ID, segments),
            lambda segments=segments: gap(
                cov.grid,
                "",
                cov.segments_mask(segments, ("so", "avg")),
                None,
                "Risico op terugval naar de huisarts (ION) zonder vastgelegde vangnetafspraak",
                "Maak aan de regiotafel een afspraak wie de zorg overneemt als de SO/AVG de "
                "behandeling beëindigt, en leg die vast.",
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
