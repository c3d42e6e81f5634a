"""2.5.2 — Regiotafelafspraken dekken MDO, consultatie, regie, ANW en vervanging.

Wat het controleert: per regio of de regiotafelafspraken die op de peildatum gelden, voor
elke open locatie alle onderwerpen van 2.5.2 dekken (MDO, consultatie, medebehandeling,
regiebehandelaarschap, beschikbaarheid en continuïteit inclusief ANW, vervanging bij vakantie
en ziekte). De afspraken komen uit de app regiotafel, via de loader in de snapshot; staan ze
er niet in, dan is de uitkomst 'niet te beoordelen'.

Waarom: de regiotafel maakt afspraken over deze onderwerpen (2.5.2).

Voorbeeld: 'Niet te beoordelen voor regio Utrecht: de regiotafelafspraken zijn nog niet
vastgelegd.'
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from mgz.core.findings import WARNING, Finding
from mgz.core.rules.base import Selection, finding, not_assessable_per_region
from mgz.core.snapshot import Snapshot

ID = "2.5.2"
TITLE = "Regiotafelafspraken volledig"
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
            "de regiotafelafspraken zijn nog niet vastgelegd.",
            "de regiotafelafspraken (MDO, consultatie, regie, ANW, vervanging)",
        )
        return
    regions = selection.regions(snapshot)
    selection.count(ID, len(regions))
    if not regions:
        return
    required, topics = data["required_topics"], data["topics"]
    by_region: dict[int, list] = {}
    for location in snapshot.locations:
        if location.status == "open":
            by_region.setdefault(location.region_id, []).append(location)
    for region in regions:
        open_locations = by_region.get(region.id, [])
        gaps = Counter()
        lacking = 0
        for location in open_locations:
            missing = required - topics.get(location.id, frozenset())
            if missing:
                lacking += 1
                gaps.update(missing)
        if not lacking:
            continue
        names = data["topic_names"]
        # Ties in topic order: `missing` is a set, so most_common alone would order them by
        # string hashing, and the message would change from one process to the next.
        ranked = sorted(gaps.items(), key=lambda item: (-item[1], item[0]))[:3]
        most = ", ".join(f"{names.get(t, t)} ({n})" for t, n in ranked)
        yield finding(
            ID,
            SEVERITY,
            "region",
            region.id,
            f"regio {region.name}",
            f"In regio {region.name} dekken de regiotafelafspraken voor {lacking} van de "
            f"{len(open_locations)} open locaties niet alle onderwerpen van 2.5.2; het vaakst "
            f"ontbreekt: {most}.",
            "Maak aan de regiotafel afspraken over de ontbrekende onderwerpen en leg ze vast "
            "voor alle locaties van de regio.",
        )
