"""2.3.3.2.b — SO en AVG nemen deel aan de regiotafel.

Wat het controleert: per regio of SO's en AVG's lid zijn van de regiotafel. Het register kent
de regiotafel en haar leden nog niet, dus de uitkomst is 'niet te beoordelen' (nooit
'voldoet').

Waarom: SO en AVG nemen deel aan de regiotafel (2.3.3.2.b).

Voorbeeld: 'Niet te beoordelen voor regio Utrecht: het lidmaatschap van de regiotafel is nog
niet vastgelegd.'
"""

from __future__ import annotations

from collections.abc import Iterable

from mgz.core.findings import WARNING, Finding
from mgz.core.rules.base import Selection, not_assessable_per_region
from mgz.core.snapshot import Snapshot

ID = "2.3.3.2.b"
TITLE = "SO en AVG aan de regiotafel"
SUBJECT = "region"
SEVERITY = WARNING


def check(snapshot: Snapshot, selection: Selection) -> Iterable[Finding]:
    return not_assessable_per_region(
        snapshot,
        selection,
        ID,
        SEVERITY,
        "het lidmaatschap van de regiotafel is nog niet vastgelegd.",
        "de regiotafel en haar leden",
    )
