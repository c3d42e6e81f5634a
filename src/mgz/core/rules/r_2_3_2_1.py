"""2.3.2.1 — Kwaliteitskader en protocollen ingevoerd en gedateerd.

Wat het controleert: voor elke open locatie of de datum van invoering is vastgelegd van het
kwaliteitskader van de sector, het protocol infectiepreventie, het Wzd-protocol en de
overige wettelijke kwaliteitseisen, en of die datum niet na het begin van de horizon ligt.

Waarom: de aanbieder heeft het kwaliteitskader van de sector ingevoerd en protocollen voor
infectiepreventie, Wzd en andere wettelijke kwaliteitseisen (2.3.2.1).

Voorbeeld: 'Voor locatie De Linde ontbreekt: protocol Wzd.'
"""

from __future__ import annotations

from collections.abc import Iterable

from mgz.core.findings import WARNING, Finding
from mgz.core.rules.base import Selection, finding, location_label
from mgz.core.snapshot import Snapshot

ID = "2.3.2.1"
TITLE = "Kwaliteitskader en protocollen gedateerd"
SUBJECT = "location"
SEVERITY = WARNING

DOCUMENTS = (
    ("quality_standard_date", "kwaliteitskader"),
    ("protocol_infection_date", "protocol infectiepreventie"),
    ("protocol_wzd_date", "protocol Wzd"),
    ("protocol_other_date", "overige wettelijke kwaliteitseisen"),
)


def check(snapshot: Snapshot, selection: Selection) -> Iterable[Finding]:
    locations = [loc for loc in selection.locations(snapshot) if loc.status == "open"]
    selection.count(ID, len(locations))
    start = selection.grid.start
    for location in locations:
        missing = []
        for field_name, name in DOCUMENTS:
            day = getattr(location, field_name)
            if day is None:
                missing.append(name)
            elif day > start:
                missing.append(f"{name} (pas per {day:%d-%m-%Y})")
        if missing:
            label = location_label(location)
            yield finding(
                ID,
                SEVERITY,
                "location",
                location.id,
                label,
                f"Voor {label} ontbreekt: {', '.join(missing)}.",
                "Leg de datum van invoering vast van het kwaliteitskader en de protocollen.",
            )
