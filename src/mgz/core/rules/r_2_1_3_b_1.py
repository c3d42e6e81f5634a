"""2.1.3.b.1 — In de ANW een huisarts beschikbaar en bereikbaar.

Wat het controleert: in elk ANW-uur (werkdagavond en -nacht, weekend, feestdag volgens de
ANW-kalender van de regio) of voor de cliënt huisartsenzorg beschikbaar is, van een HAP of
van een andere huisarts.

Waarom: het convenant vraagt in de ANW beschikbaarheid en bereikbaarheid van een huisarts
(2.1.3.b.1).

Voorbeeld: een locatie zonder HAP-afspraak krijgt per cliënt 'Geen huisarts beschikbaar in
de ANW za 26-12-2026 00:00–24:00 …'.
"""

from __future__ import annotations

from collections.abc import Iterable

from mgz.core.findings import ERROR, Finding
from mgz.core.rules import physicians
from mgz.core.rules.base import HA, Selection, covers_key, gap, patient_gaps
from mgz.core.snapshot import Snapshot

ID = "2.1.3.b.1"
TITLE = "In de ANW een huisarts beschikbaar"
SUBJECT = "patient"
SEVERITY = ERROR


def _gaps(cov, patient):
    return [
        gap(
            cov.grid,
            "ha",
            physicians.gap_2_1_3_b_1(cov, patient),
            cov.anw(patient.region_id),
            "Geen huisarts beschikbaar in de ANW",
            physicians.SUGGEST_HA_ANW,
        )
    ]


def check(snapshot: Snapshot, selection: Selection) -> Iterable[Finding]:
    return patient_gaps(
        snapshot,
        selection,
        ID,
        SEVERITY,
        lambda p: True,
        lambda cov, c: covers_key(cov, c.first, ((HA, "beschikbaar", None),)),
        _gaps,
    )
