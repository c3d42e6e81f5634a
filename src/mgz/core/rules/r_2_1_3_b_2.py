"""2.1.3.b.2 — In de ANW een SO bereikbaar voor VV-cliënten (beschikbaar als regiebehandelaar).

Wat het controleert: voor elke VV-cliënt in elk ANW-uur of een SO bereikbaar is; op dagen
waarop een SO de regiebehandelaar MGZ van de cliënt is, moet een SO beschikbaar zijn.

Waarom: in de ANW moet voor VV een SO bereikbaar zijn, en beschikbaar wanneer de SO
regiebehandelaar is (2.1.3.b.2).

Voorbeeld: 'Geen SO bereikbaar in de ANW za 26-12-2026 00:00–08:00 voor cliënt C-12
(locatie De Linde, VV).'
"""

from __future__ import annotations

from collections.abc import Iterable

from mgz.core.findings import ERROR, Finding
from mgz.core.rules import physicians
from mgz.core.rules.base import SO, Selection, covers_key, gap, needs_so, patient_gaps
from mgz.core.snapshot import Snapshot

ID = "2.1.3.b.2"
TITLE = "In de ANW een SO bereikbaar (VV)"
SUBJECT = "patient"
SEVERITY = ERROR
COVERS = ((SO, "beschikbaar", None), (SO, "bereikbaar", None))


def _gaps(cov, patient):
    return [
        gap(
            cov.grid,
            "so",
            physicians.gap_2_1_3_b_2(cov, patient),
            cov.anw(patient.region_id),
            "Geen SO bereikbaar (of beschikbaar als regiebehandelaar) in de ANW",
            physicians.SUGGEST_SO,
        )
    ]


def check(snapshot: Snapshot, selection: Selection) -> Iterable[Finding]:
    return patient_gaps(
        snapshot,
        selection,
        ID,
        SEVERITY,
        needs_so,
        lambda cov, c: (covers_key(cov, c.first, COVERS), c.regie),
        _gaps,
    )
