"""2.3.3.2.b — SO en AVG nemen deel aan de regiotafel.

Wat het controleert: per regio of er een regiotafel is (voor de regio of een subregio) en of
daaraan op de peildatum een SO en een AVG deelnemen. De leden komen uit de app regiotafel,
via de loader in de snapshot; staan ze er niet in, dan is de uitkomst 'niet te beoordelen'
(nooit 'voldoet').

Waarom: SO en AVG nemen deel aan de regiotafel (2.3.3.2.b).

Voorbeeld: 'Niet te beoordelen voor regio Utrecht: het lidmaatschap van de regiotafel is nog
niet vastgelegd.'
"""

from __future__ import annotations

from collections.abc import Iterable

from mgz.core.findings import WARNING, Finding
from mgz.core.rules.base import Selection, finding, not_assessable_per_region
from mgz.core.snapshot import Snapshot

ID = "2.3.3.2.b"
TITLE = "SO en AVG aan de regiotafel"
SUBJECT = "region"
SEVERITY = WARNING


def check(snapshot: Snapshot, selection: Selection) -> Iterable[Finding]:
    data = snapshot.extra.get("regiotafel")
    if data is None:
        yield from not_assessable_per_region(
            snapshot,
            selection,
            ID,
            SEVERITY,
            "het lidmaatschap van de regiotafel is nog niet vastgelegd.",
            "de regiotafel en haar leden",
        )
        return
    regions = selection.regions(snapshot)
    selection.count(ID, len(regions))
    names = data["party_names"]
    for region in regions:
        label = f"regio {region.name}"
        seated = data["membership"].get(region.id)
        if seated is None:
            yield finding(
                ID,
                SEVERITY,
                "region",
                region.id,
                label,
                f"Regio {region.name} heeft geen regiotafel.",
                "Richt een regiotafel in (zorgkantoor en zorgverzekeraar nodigen de partijen uit).",
                aspect="regiotafel",
            )
            continue
        missing = sorted(data["required_parties"] - seated)
        if missing:
            who = " en ".join(names.get(kind, kind) for kind in missing)
            yield finding(
                ID,
                SEVERITY,
                "region",
                region.id,
                label,
                f"Aan de regiotafel van regio {region.name} neemt geen {who} deel "
                f"(peildatum {data['day']:%d-%m-%Y}).",
                f"Nodig een {who} uit voor de regiotafel en leg het lidmaatschap vast.",
            )
