"""2.1.3.e — Patiëntenoverdracht beschikbaar bij HAP, huisartsenpraktijk en instelling.

Wat het controleert: of voor de cliënten een patiëntenoverdracht met behandelwensen en
-grenzen (en waar nodig bejegeningsadvies) is geschreven; via het platform is die dan
beschikbaar bij de HAP, de praktijk en de instelling. Gemeld per regio, met het aantal
cliënten zonder overdracht (niet per cliënt: dat zouden er honderdduizenden gelijke regels
zijn). Staan de overdrachten niet in de snapshot (app handover), dan is de uitkomst per regio
'niet te beoordelen'.

Waarom: een goede patiëntenoverdracht, opgesteld door de regiebehandelaar of de
gedragskundige, is beschikbaar op elke plek die de cliënt kan helpen (2.1.3.e).

Voorbeeld: 'Niet te beoordelen voor regio Utrecht: de patiëntenoverdracht van 1.234 cliënten
is nog niet vastgelegd.'
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from mgz.core.findings import NOT_ASSESSABLE, WARNING, Finding
from mgz.core.rules.base import Selection, finding
from mgz.core.snapshot import Snapshot

ID = "2.1.3.e"
TITLE = "Patiëntenoverdracht beschikbaar (HAP, praktijk, instelling)"
SUBJECT = "region"
SEVERITY = WARNING


def check(snapshot: Snapshot, selection: Selection) -> Iterable[Finding]:
    regions = selection.regions(snapshot)
    selection.count(ID, len(regions))
    if not regions:
        return
    per_region = snapshot.extra.get("patients_per_region")
    if per_region is None:
        per_region = snapshot.extra["patients_per_region"] = Counter(
            p.region_id for p in snapshot.patients
        )
    written = snapshot.extra.get("handover_patients")
    without = snapshot.extra.get("handover_missing")
    if without is None and written is not None:
        without = snapshot.extra["handover_missing"] = Counter(
            p.region_id for p in snapshot.patients if p.id not in written
        )
    for region in regions:
        total = per_region.get(region.id, 0)
        if written is None:
            yield finding(
                ID,
                SEVERITY,
                "region",
                region.id,
                f"regio {region.name}",
                f"Niet te beoordelen voor regio {region.name}: de patiëntenoverdracht van "
                f"{total} cliënten is nog niet vastgelegd.",
                "Leg de patiëntenoverdracht (behandelwensen en -grenzen) vast zodra het register "
                "dat kan; tot dan kan de toets niet slagen.",
                status=NOT_ASSESSABLE,
            )
        elif without.get(region.id):
            yield finding(
                ID,
                SEVERITY,
                "region",
                region.id,
                f"regio {region.name}",
                f"In regio {region.name} hebben {without[region.id]} van de {total} cliënten "
                "geen patiëntenoverdracht (behandelwensen en -grenzen).",
                "Laat de regiebehandelaar (of de gedragskundige) per cliënt de overdracht "
                "schrijven; het platform maakt die zichtbaar voor HAP, praktijk en instelling.",
            )
