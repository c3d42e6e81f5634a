"""2.1.3.c — In de ANW voldoende triage-expertise op elke betrokken plek.

Wat het controleert: in elk ANW-uur (1) of een HAP triage (of huisartsenzorg, die triage
omvat) voor de cliënt verzorgt, en (2) voor cliënten die op een locatie wonen, of er op de
woonplek zelf triage is: een verpleegkundige of gedragskundige voorwacht (2.3.2.3), of een
eigen triage-afspraak, niet van de HAP.

Waarom: het convenant vraagt in de ANW voldoende triage-deskundigheid op alle betrokken
plekken (2.1.3.c): bij de HAP én bij de instelling waar de cliënt woont.

Voorbeeld: 'Geen triage op de woonplek in de ANW vr 25-12-2026 00:00–24:00 voor cliënt C-7
(locatie De Linde, VV).'
"""

from __future__ import annotations

from collections.abc import Iterable

from mgz.core.coverage import HAP, NOT_HAP
from mgz.core.findings import ERROR, Finding
from mgz.core.rules.base import (
    HAP_SERVICE,
    TRIAGE,
    VOORWACHT,
    Selection,
    covers_key,
    gap,
    patient_gaps,
)
from mgz.core.snapshot import Snapshot

ID = "2.1.3.c"
TITLE = "In de ANW triage bij de HAP en op de woonplek"
SUBJECT = "patient"
SEVERITY = ERROR
COVERS = ((HAP_SERVICE, "telefonisch", HAP), (TRIAGE + VOORWACHT, "telefonisch", NOT_HAP))


def _gaps(cov, patient):
    anw = cov.anw(patient.region_id)
    found = [
        gap(
            cov.grid,
            "hap",
            anw & ~cov.patient_cover(patient, HAP_SERVICE, "telefonisch", HAP),
            anw,
            "Geen triage door een HAP in de ANW",
            "Leg de HAP-afspraak (triage) voor deze cliënt of locatie vast.",
        )
    ]
    if patient.location_id is not None:
        found.append(
            gap(
                cov.grid,
                "woonplek",
                anw & ~cov.patient_cover(patient, TRIAGE + VOORWACHT, "telefonisch", NOT_HAP),
                anw,
                "Geen triage op de woonplek in de ANW",
                "Richt een voorwacht met triagebevoegdheid in voor de ANW-uren van de locatie.",
            )
        )
    return found


def check(snapshot: Snapshot, selection: Selection) -> Iterable[Finding]:
    return patient_gaps(
        snapshot,
        selection,
        ID,
        SEVERITY,
        lambda p: True,
        lambda cov, c: (covers_key(cov, c.first, COVERS), c.first.location_id is None),
        _gaps,
    )
