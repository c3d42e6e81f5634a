"""2.1.3.b.3 — In de ANW een AVG telefonisch bereikbaar voor GHZ-cliënten.

Wat het controleert: voor elke cliënt die een AVG nodig heeft (VG, LVG, SGLVG; LG/ZG met een
vastgelegde verstandelijke beperking) of in elk ANW-uur een AVG minstens telefonisch
bereikbaar is.

Waarom: het convenant vraagt in de ANW voor de gehandicaptenzorg telefonische
bereikbaarheid van een AVG (2.1.3.b.3).

Voorbeeld: 'Geen AVG telefonisch bereikbaar in de ANW zo 27-12-2026 00:00–24:00 voor
cliënt C-40 (locatie De Berk, GHZ).'
"""

from __future__ import annotations

from collections.abc import Iterable

from mgz.core.findings import ERROR, Finding
from mgz.core.rules import physicians
from mgz.core.rules.base import AVG, Selection, covers_key, gap, needs_avg, patient_gaps
from mgz.core.snapshot import Snapshot

ID = "2.1.3.b.3"
TITLE = "In de ANW een AVG telefonisch bereikbaar (GHZ)"
SUBJECT = "patient"
SEVERITY = ERROR


def _gaps(cov, patient):
    return [
        gap(
            cov.grid,
            "avg",
            physicians.gap_2_1_3_b_3(cov, patient),
            cov.anw(patient.region_id),
            "Geen AVG telefonisch bereikbaar in de ANW",
            physicians.SUGGEST_AVG,
        )
    ]


def check(snapshot: Snapshot, selection: Selection) -> Iterable[Finding]:
    return patient_gaps(
        snapshot,
        selection,
        ID,
        SEVERITY,
        needs_avg,
        lambda cov, c: covers_key(cov, c.first, ((AVG, "telefonisch", None),)),
        _gaps,
    )
