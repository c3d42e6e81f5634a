"""2.5.2 — Regiotafelafspraken dekken MDO, consultatie, regie, ANW en vervanging.

Wat het controleert: per regio of de regiotafelafspraken de onderwerpen van 2.5.2 dekken
(MDO, consultatie, medebehandeling, regiebehandelaarschap, beschikbaarheid en continuïteit
inclusief ANW en vervanging bij vakantie en ziekte). Die afspraken staan nog niet in het
register, dus de uitkomst is 'niet te beoordelen'.

Waarom: de regiotafel maakt afspraken over deze onderwerpen (2.5.2).

Voorbeeld: 'Niet te beoordelen voor regio Utrecht: de regiotafelafspraken zijn nog niet
vastgelegd.'
"""

from __future__ import annotations

from collections.abc import Iterable

from mgz.core.findings import WARNING, Finding
from mgz.core.rules.base import Selection, not_assessable_per_region
from mgz.core.snapshot import Snapshot

ID = "2.5.2"
TITLE = "Regiotafelafspraken volledig"
SUBJECT = "region"
SEVERITY = WARNING


def check(snapshot: Snapshot, selection: Selection) -> Iterable[Finding]:
    return not_assessable_per_region(
        snapshot,
        selection,
        ID,
        SEVERITY,
        "de regiotafelafspraken zijn nog niet vastgelegd.",
        "de regiotafelafspraken (MDO, consultatie, regie, ANW, vervanging)",
    )
