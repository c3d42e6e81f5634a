"""2.4.4 — De AVG neemt nooit alle MGZ over; een huisarts is altijd beschikbaar.

Wat het controleert: op dagen dat een AVG de regiebehandelaar MGZ van de cliënt is, de
momenten waarop geen huisartsenzorg beschikbaar is (overdag de praktijk, in de ANW de HAP of
een andere huisarts).

Waarom: de AVG neemt nooit alle MGZ over; er is altijd een huisarts beschikbaar, de AVG kan
regie voeren over een afgebakend, beperkingsgerelateerd probleem (2.4.4).

Voorbeeld: 'Geen huisarts beschikbaar terwijl de AVG regiebehandelaar is ma 07-12-2026
08:00–17:00 voor cliënt C-40 (locatie De Berk, GHZ).'
"""

from __future__ import annotations

from collections.abc import Iterable

from mgz.core.coverage import coverage_for
from mgz.core.findings import ERROR, Finding
from mgz.core.rules import physicians
from mgz.core.rules.base import HA, Selection, covers_key, gap, patient_gaps
from mgz.core.snapshot import Snapshot

ID = "2.4.4"
TITLE = "AVG nooit alle MGZ: huisarts altijd beschikbaar"
SUBJECT = "patient"
SEVERITY = ERROR


def _gaps(cov, patient):
    regie_avg = cov.segments_mask(cov.regie(patient), ("avg",))
    return [
        gap(
            cov.grid,
            "",
            regie_avg & ~cov.patient_cover(patient, HA, "beschikbaar"),
            cov.anw(patient.region_id),
            "Geen huisarts beschikbaar terwijl de AVG regiebehandelaar is",
            physicians.SUGGEST_HA_DAY,
        )
    ]


def check(snapshot: Snapshot, selection: Selection) -> Iterable[Finding]:
    cov = coverage_for(snapshot, selection.grid)
    return patient_gaps(
        snapshot,
        selection,
        ID,
        SEVERITY,
        lambda p: any(segment[2] == "avg" for segment in cov.regie(p)),
        lambda cov, c: (covers_key(cov, c.first, ((HA, "beschikbaar", None),)), c.regie),
        _gaps,
    )
