"""2.2.1 — Elke cliënt heeft een meldpunt voor een zorgvraag.

Wat het controleert: op elk moment van de horizon of er een meldpunt is waar een zorgvraag
gemeld en getrieerd wordt. Woont de cliënt op een locatie: een voorwacht (verpleegkundig of
gedragskundig) voor de woonplek. Woont de cliënt thuis: overdag de huisartsenpraktijk, in de
ANW de HAP (huisartsenzorg of triage).

Waarom: voor elke Wlz-cliënt moet duidelijk zijn waar een zorgvraag gemeld wordt; daar vindt
triage plaats en volgt verwijzing naar de juiste arts (2.2.1).

Voorbeeld: 'Geen meldpunt wo 09-12-2026 17:00 – do 10-12-2026 08:00 voor cliënt C-9 (thuis,
VV).'
"""

from __future__ import annotations

from collections.abc import Iterable

from mgz.core.coverage import HAP, PRAKTIJK
from mgz.core.findings import ERROR, Finding
from mgz.core.rules.base import (
    HA,
    HAP_SERVICE,
    VOORWACHT,
    Selection,
    covers_key,
    gap,
    patient_gaps,
)
from mgz.core.snapshot import Snapshot

ID = "2.2.1"
TITLE = "Meldpunt voor elke cliënt, dag en ANW"
SUBJECT = "patient"
SEVERITY = ERROR
COVERS = (
    (VOORWACHT, "telefonisch", None),
    (HA, "telefonisch", PRAKTIJK),
    (HAP_SERVICE, "telefonisch", HAP),
)


def _gaps(cov, patient):
    anw = cov.anw(patient.region_id)
    if patient.location_id is not None:
        missing = ~cov.patient_cover(patient, VOORWACHT, "telefonisch")
        suggestion = "Richt een voorwacht in die dag en ANW het meldpunt van de locatie is."
    else:
        day_ok = cov.patient_cover(patient, HA, "telefonisch", PRAKTIJK)
        anw_ok = cov.patient_cover(patient, HAP_SERVICE, "telefonisch", HAP)
        missing = (~anw & ~day_ok) | (anw & ~anw_ok)
        suggestion = (
            "Leg de huisartsenpraktijk (overdag) en de HAP (ANW) van de cliënt vast als meldpunt."
        )
    return [gap(cov.grid, "", missing, anw, "Geen meldpunt", suggestion)]


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
