"""2.3.3.2.d — Vaste huisarts(en) voor de locatie en de HAP in de ANW.

Wat het controleert: voor elke open locatie zonder behandeling (1) of overdag een vaste
huisarts (huisartsenzorg van een huisartsenpraktijk of huisarts) bereikbaar is, en (2) of de
locatie een HAP heeft en die HAP in elk ANW-uur huisartsenzorg of triage voor de locatie
levert.

Waarom: een of meer huisartsen zijn de vaste huisarts(en) van een locatie; in de ANW de HAP
(2.3.3.2.d).

Voorbeeld: 'Geen HAP voor de locatie in de ANW za 26-12-2026 00:00–24:00 voor locatie De Eik.'
"""

from __future__ import annotations

from collections.abc import Iterable

from mgz.core.coverage import PRAKTIJK, coverage_for
from mgz.core.findings import ERROR, Finding
from mgz.core.rules.base import HA, HAP_SERVICE, Selection, finding, gap, location_label
from mgz.core.snapshot import Snapshot

ID = "2.3.3.2.d"
TITLE = "Vaste huisarts voor de locatie en HAP in de ANW"
SUBJECT = "location"
SEVERITY = ERROR


def check(snapshot: Snapshot, selection: Selection) -> Iterable[Finding]:
    cov = coverage_for(snapshot, selection.grid)
    locations = [
        loc
        for loc in selection.locations(snapshot)
        if loc.status == "open" and loc.treatment_model == "zonder_behandeling"
    ]
    selection.count(ID, len(locations))
    for location in locations:
        anw = cov.anw(location.region_id)
        day = cov.day(location.region_id)
        if location.hap_id is None:
            hap_ok = cov.empty
            hap_what = "Geen HAP gekoppeld aan de locatie; niemand in de ANW"
        else:
            hap_ok = cov.location_cover(
                location, HAP_SERVICE, "bereikbaar", ("org", location.hap_id)
            )
            hap_what = "Geen HAP voor de locatie in de ANW"
        parts = (
            gap(
                cov.grid,
                "vaste_huisarts",
                day & ~cov.location_cover(location, HA, "bereikbaar", PRAKTIJK),
                cov.empty,
                "Geen vaste huisarts bereikbaar overdag",
                "Maak een afspraak met een huisartsenpraktijk die de vaste huisarts van de "
                "locatie is.",
            ),
            gap(
                cov.grid,
                "hap",
                anw & ~hap_ok,
                anw,
                hap_what,
                "Koppel de HAP van het verzorgingsgebied aan de locatie en leg de HAP-afspraak vast.",
            ),
        )
        label = location_label(location)
        for part in parts:
            if part is not None:
                yield finding(
                    ID,
                    SEVERITY,
                    "location",
                    location.id,
                    label,
                    f"{part.what} {part.when} voor {label}.",
                    part.suggestion,
                    aspect=part.aspect,
                    found=part.intervals,
                )
