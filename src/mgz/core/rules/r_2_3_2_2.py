"""2.3.2.2 — Een gedragskundige bereikbaar voor begeleiders, dag en ANW.

Wat het controleert: voor cliënten die een gedragskundige nodig hebben (GHZ-cliënten en
VV-cliënten met zorgprofiel VV05 of VV07, waarin gedragsproblematiek deel van de indicatie
is, die op een locatie wonen waar begeleiders voor hen zorgen) of op elk moment een
gedragskundige (of gedragskundige voorwacht) bereikbaar is.

Waarom: een niet-medisch behandelaar (gedragskundige, GZ-psycholoog, orthopedagoog) is dag en
ANW bereikbaar voor de begeleiders (2.3.2.2).

Voorbeeld: 'Geen gedragskundige bereikbaar za 26-12-2026 00:00–24:00 voor cliënt C-40
(locatie De Berk, GHZ).'
"""

from __future__ import annotations

from collections.abc import Iterable

from mgz.core.findings import WARNING, Finding
from mgz.core.rules.base import (
    GEDRAGSKUNDIGE,
    Selection,
    covers_key,
    gap,
    needs_gedragskundige,
    patient_gaps,
)
from mgz.core.snapshot import Snapshot

ID = "2.3.2.2"
TITLE = "Gedragskundige bereikbaar, dag en ANW"
SUBJECT = "patient"
SEVERITY = WARNING


def _gaps(cov, patient):
    return [
        gap(
            cov.grid,
            "",
            ~cov.patient_cover(patient, GEDRAGSKUNDIGE, "bereikbaar"),
            cov.anw(patient.region_id),
            "Geen gedragskundige bereikbaar",
            "Maak een bereikbaarheidsafspraak met een gedragskundige, GZ-psycholoog of "
            "orthopedagoog voor dag en ANW.",
        )
    ]


def check(snapshot: Snapshot, selection: Selection) -> Iterable[Finding]:
    return patient_gaps(
        snapshot,
        selection,
        ID,
        SEVERITY,
        needs_gedragskundige,
        lambda cov, c: covers_key(cov, c.first, ((GEDRAGSKUNDIGE, "bereikbaar", None),)),
        _gaps,
    )
