"""2.1.3.a — Overdag een HA, SO en AVG beschikbaar en bereikbaar.

Wat het controleert: in elk daguur (geen ANW) of voor de cliënt een huisarts beschikbaar is,
voor een VV-cliënt ook een SO, en waar een AVG nodig is (VG, LVG, SGLVG; LG/ZG met een
vastgelegde verstandelijke beperking) ook een AVG. De SO of AVG moet beschikbaar zijn waar
die behandelt (regiebehandelaar, of verblijf met behandeling); anders volstaat bereikbaar
voor consultatie, medebehandeling of overdracht. Beschikbaar omvat bereikbaar.

Waarom: overdag moeten HA, SO en AVG beschikbaar en bereikbaar zijn voor consultatie,
medebehandeling of overdracht van het regiebehandelaarschap (2.1.3.a).

Voorbeeld: 'Geen SO beschikbaar of bereikbaar overdag ma 07-12-2026 08:00–17:00 voor cliënt C-12
(locatie De Linde, VV).'
"""

from __future__ import annotations

from collections.abc import Iterable

from mgz.core.findings import ERROR, Finding
from mgz.core.rules import physicians
from mgz.core.rules.base import Selection, gap, patient_gaps
from mgz.core.snapshot import Snapshot

ID = "2.1.3.a"
TITLE = "Overdag HA, SO en AVG beschikbaar"
SUBJECT = "patient"
SEVERITY = ERROR

WHAT = {
    "ha": ("Geen huisarts beschikbaar overdag", physicians.SUGGEST_HA_DAY),
    "so": ("Geen SO beschikbaar of bereikbaar overdag", physicians.SUGGEST_SO),
    "avg": ("Geen AVG beschikbaar of bereikbaar overdag", physicians.SUGGEST_AVG),
}


def _gaps(cov, patient):
    # Day-only masks: an all-False ANW mask labels every interval 'dag'.
    return [
        gap(cov.grid, aspect, mask, cov.empty, *WHAT[aspect])
        for aspect, mask in physicians.gap_2_1_3_a(cov, patient).items()
    ]


def check(snapshot: Snapshot, selection: Selection) -> Iterable[Finding]:
    return patient_gaps(
        snapshot, selection, ID, SEVERITY, lambda p: True, physicians.group_key, _gaps
    )
