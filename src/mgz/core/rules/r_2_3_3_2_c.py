"""2.3.3.2.c — Een nieuwe locatie heeft de MGZ geregeld vóór zij opent.

Wat het controleert: voor elke geplande locatie of op de geplande openingsdatum afspraken
gelden voor huisartsenzorg en, naar de sector van de aanbieder, SO-zorg (VV) of AVG-zorg
(GHZ; SO telt daar ook). Een geplande locatie zonder openingsdatum faalt ook.

Waarom: elke aanbieder kan de regiotafel gebruiken; bij een nieuwe locatie is de MGZ
geregeld voordat zij opent (2.3.3.2.c, de openingspoort).

Voorbeeld: 'Locatie De Nieuwe Hof opent op 01-02-2027 zonder afspraak voor SO-zorg.'
"""

from __future__ import annotations

from collections.abc import Iterable

from mgz.core.coverage import counts_for, coverage_for
from mgz.core.findings import ERROR, Finding
from mgz.core.rules.base import AVG, HA, SO, Selection, finding, location_label
from mgz.core.scope import valid_on
from mgz.core.snapshot import Snapshot

ID = "2.3.3.2.c"
TITLE = "Nieuwe locatie: MGZ geregeld vóór opening"
SUBJECT = "location"
SEVERITY = ERROR

NEEDED = {
    "zorgaanbieder_vv": (("huisartsenzorg", HA), ("SO-zorg", SO)),
    "zorgaanbieder_ghz": (("huisartsenzorg", HA), ("AVG- of SO-zorg", AVG + SO)),
}
DEFAULT_NEEDED = (("huisartsenzorg", HA),)


def check(snapshot: Snapshot, selection: Selection) -> Iterable[Finding]:
    cov = coverage_for(snapshot, selection.grid)
    locations = [loc for loc in selection.locations(snapshot) if loc.status == "gepland"]
    selection.count(ID, len(locations))
    for location in locations:
        label = location_label(location)
        title = f"{label[0].upper()}{label[1:]}"
        opening = location.planned_opening
        if opening is None:
            yield finding(
                ID,
                SEVERITY,
                "location",
                location.id,
                label,
                f"{title} is gepland maar heeft geen openingsdatum.",
                "Leg de geplande openingsdatum vast en regel de MGZ daarvóór.",
            )
            continue
        organisation = snapshot.organisation_by_id.get(location.organisation_id)
        needed = NEEDED.get(organisation.kind if organisation else "", DEFAULT_NEEDED)
        arrangements = cov.location_arrangements(location)
        missing = [
            name
            for name, functions in needed
            if not any(
                counts_for(snapshot, a, functions, "telefonisch") and valid_on(a, opening)
                for a in arrangements
            )
        ]
        if missing:
            yield finding(
                ID,
                SEVERITY,
                "location",
                location.id,
                label,
                f"{title} opent op {opening:%d-%m-%Y} zonder afspraak voor {' en '.join(missing)}.",
                "Regel de MGZ via de regiotafel vóór de opening; de locatie mag pas open als "
                "deze afspraken gelden.",
            )
