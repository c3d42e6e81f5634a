"""2.3.3.2.f — Aanbieders hebben afspraken met een SO en/of AVG.

Wat het controleert: voor elke gecontracteerde zorgaanbieder VV of GHZ (niet alleen pgb) of
er in de horizon een afspraak geldt voor SO-zorg (VV) of SO- of AVG-zorg (GHZ) voor ten
minste een van haar locaties, in dienst of niet.

Waarom: aanbieders hebben ook afspraken met een SO en/of AVG, in loondienst of niet
(2.3.3.2.f).

Voorbeeld: 'Zorggroep De Linde heeft geen afspraak met een SO.'
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from mgz.core.coverage import counts_for, coverage_for
from mgz.core.findings import WARNING, Finding
from mgz.core.rules.base import AVG, SO, Selection, finding
from mgz.core.snapshot import Snapshot

ID = "2.3.3.2.f"
TITLE = "Aanbieder heeft afspraken met SO en/of AVG"
SUBJECT = "organisation"
SEVERITY = WARNING

NEEDED = {"zorgaanbieder_vv": ("een SO", SO), "zorgaanbieder_ghz": ("een SO of AVG", SO + AVG)}


def check(snapshot: Snapshot, selection: Selection) -> Iterable[Finding]:
    cov = coverage_for(snapshot, selection.grid)
    grid = selection.grid
    organisations = [
        o
        for o in selection.organisations(snapshot)
        if o.kind in NEEDED and o.contracted and not o.pgb_only
    ]
    selection.count(ID, len(organisations))
    if not organisations:
        return
    locations = defaultdict(list)
    for location in snapshot.locations:
        if location.status != "gesloten":
            locations[location.organisation_id].append(location)
    for organisation in organisations:
        name, functions = NEEDED[organisation.kind]
        ok = any(
            counts_for(snapshot, a, functions, "telefonisch")
            and a.valid_from < grid.end
            and (a.valid_to is None or a.valid_to >= grid.start)
            for location in locations.get(organisation.id, ())
            for a in cov.location_arrangements(location)
        )
        if not ok:
            yield finding(
                ID,
                SEVERITY,
                "organisation",
                organisation.id,
                f"organisatie {organisation.name}",
                f"{organisation.name} heeft geen geldende afspraak met {name} voor haar locaties.",
                f"Maak een afspraak met {name} (in dienst of via een SO/AVG-praktijk).",
            )
