"""2.3.3.1.b — Verblijf zonder behandeling: afspraken over vaste huisartsenzorg met ION.

Wat het controleert: voor elke open locatie zonder behandeling (1) of er in de horizon een
afspraak over huisartsenzorg geldt met een huisartsenpraktijk of huisarts (de vaste
huisarts), en (2) of de cliënten die er wonen op naam ingeschreven staan (ION).

Waarom: een aanbieder van wonen/verblijf zonder behandeling maakt afspraken over vaste
huisartsenzorg met inschrijving op naam (2.3.3.1.b).

Voorbeeld: 'Locatie De Eik heeft geen afspraak over vaste huisartsenzorg.'
"""

from __future__ import annotations

from collections.abc import Iterable

from mgz.core.coverage import PRAKTIJK, counts_for, coverage_for
from mgz.core.findings import WARNING, Finding
from mgz.core.rules.base import HA, Selection, finding, location_label, with_treatment
from mgz.core.snapshot import Snapshot

ID = "2.3.3.1.b"
TITLE = "Verblijf zonder behandeling: vaste huisartsenzorg met ION"
SUBJECT = "location"
SEVERITY = WARNING


def check(snapshot: Snapshot, selection: Selection) -> Iterable[Finding]:
    cov = coverage_for(snapshot, selection.grid)
    grid = selection.grid
    locations = [
        loc
        for loc in selection.locations(snapshot)
        if loc.status == "open" and loc.treatment_model == "zonder_behandeling"
    ]
    selection.count(ID, len(locations))
    for location in locations:
        label = location_label(location)
        agreed = any(
            counts_for(snapshot, a, HA, "telefonisch", PRAKTIJK)
            and a.valid_from < grid.end
            and (a.valid_to is None or a.valid_to >= grid.start)
            for a in cov.location_arrangements(location)
        )
        if not agreed:
            yield finding(
                ID,
                SEVERITY,
                "location",
                location.id,
                label,
                f"{label[0].upper()}{label[1:]} heeft geen afspraak over vaste huisartsenzorg.",
                "Maak een afspraak met een huisartsenpraktijk over vaste huisartsenzorg voor "
                "de locatie.",
                aspect="vaste_huisarts",
            )
        without_ion = [
            p
            for p in snapshot.patients_by_location.get(location.id, ())
            if p.ion_practice_id is None and not with_treatment(p, location)
        ]
        if without_ion:
            codes = ", ".join(p.code for p in without_ion[:5])
            more = f" en {len(without_ion) - 5} meer" if len(without_ion) > 5 else ""
            yield finding(
                ID,
                SEVERITY,
                "location",
                location.id,
                label,
                f"Op {label} staan {len(without_ion)} cliënten niet op naam ingeschreven bij "
                f"een huisarts ({codes}{more}).",
                "Schrijf de cliënten in bij de vaste huisarts van de locatie (ION).",
                aspect="ion",
            )
