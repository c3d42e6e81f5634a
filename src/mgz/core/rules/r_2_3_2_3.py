"""2.3.2.3 — Een verpleegkundige of gedragskundige voorwacht, dag en ANW.

Wat het controleert: voor elke open locatie of er op elk moment een verpleegkundige of
gedragskundige voorwacht bereikbaar is die de begeleiders kunnen raadplegen.

Waarom: een verpleegkundige of gedragsmatige voorwacht is dag en ANW beschikbaar en door de
begeleiders te consulteren (2.3.2.3).

Voorbeeld: 'Geen voorwacht bereikbaar zo 27-12-2026 00:00–08:00 voor locatie De Linde.'
"""

from __future__ import annotations

from collections.abc import Iterable

from mgz.core.coverage import coverage_for
from mgz.core.findings import WARNING, Finding
from mgz.core.rules.base import VOORWACHT, Selection, finding, gap, location_label
from mgz.core.snapshot import Snapshot

ID = "2.3.2.3"
TITLE = "Voorwacht (verpleegkundig of gedragskundig), dag en ANW"
SUBJECT = "location"
SEVERITY = WARNING


def check(snapshot: Snapshot, selection: Selection) -> Iterable[Finding]:
    cov = coverage_for(snapshot, selection.grid)
    locations = [loc for loc in selection.locations(snapshot) if loc.status == "open"]
    selection.count(ID, len(locations))
    for location in locations:
        found = gap(
            cov.grid,
            "",
            ~cov.location_cover(location, VOORWACHT, "bereikbaar"),
            cov.anw(location.region_id),
            "Geen voorwacht bereikbaar",
            "Richt een verpleegkundige of gedragskundige voorwacht in voor dag en ANW.",
        )
        if found is not None:
            label = location_label(location)
            yield finding(
                ID,
                SEVERITY,
                "location",
                location.id,
                label,
                f"{found.what} {found.when} voor {label}.",
                found.suggestion,
                found=found.intervals,
            )
