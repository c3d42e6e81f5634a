"""2.1.1 — HA-, SO- en AVG-zorg beschikbaar, dag en ANW, via het reguliere landschap.

Wat het controleert: per cliënt en per vereiste arts (HA altijd, SO bij VV, AVG waar nodig)
of die zorg er overdag en in de ANW is. De huisarts in de ANW moet via een HAP komen (het
reguliere landschap); SO en AVG in de ANW minstens bereikbaar (AVG telefonisch).

Waarom: het convenant (2.1.1) vraagt dat HA-, SO- en AVG-zorg beschikbaar is voor
Wlz-cliënten, dag en ANW, met gebruik van de bestaande structuur (HAP in de ANW).

Voorbeeld: een cliënt thuis wiens ANW-huisartsenzorg alleen door een eigen huisarts wordt
gedragen en niet door een HAP, krijgt een bevinding voor het deel 'ha' in de ANW-uren.
"""

from __future__ import annotations

from collections.abc import Iterable

from mgz.core.findings import ERROR, Finding
from mgz.core.rules import physicians
from mgz.core.rules.base import Selection, gap, patient_gaps
from mgz.core.snapshot import Snapshot

ID = "2.1.1"
TITLE = "HA-, SO- en AVG-zorg dag en ANW beschikbaar (HAP in de ANW)"
SUBJECT = "patient"
SEVERITY = ERROR

WHAT = {
    "ha": ("Geen huisartsenzorg (overdag praktijk, ANW via HAP)", physicians.SUGGEST_HA_ANW),
    "so": ("Geen SO-zorg", physicians.SUGGEST_SO),
    "avg": ("Geen AVG-zorg", physicians.SUGGEST_AVG),
}


def _gaps(cov, patient):
    anw = cov.anw(patient.region_id)
    return [
        gap(cov.grid, aspect, mask, anw, *WHAT[aspect])
        for aspect, mask in physicians.gap_2_1_1(cov, patient).items()
    ]


def check(snapshot: Snapshot, selection: Selection) -> Iterable[Finding]:
    return patient_gaps(
        snapshot, selection, ID, SEVERITY, lambda p: True, physicians.group_key, _gaps
    )
