"""1.2 — Voor elke cliënt is vastgelegd wie de regiebehandelaar MGZ is.

Wat het controleert: voor elke cliënt de dagen in de horizon waarop niemand in het
behandelteam de rol regiebehandelaar MGZ heeft. (Welke arts het best toegeruste is, is een
vraag voor de routering; de toets controleert dat het besluit is genomen en vastgelegd.)

Waarom: de best toegeruste arts (HA, SO of AVG) wordt ingezet en er wordt bepaald wie de
regiebehandelaar MGZ is (1.2).

Voorbeeld: 'Geen regiebehandelaar MGZ vastgelegd ma 23-11-2026 00:00 – ma 21-12-2026 00:00
voor cliënt C-9 (thuis, VV).'
"""

from __future__ import annotations

from collections.abc import Iterable

from mgz.core.coverage import coverage_for
from mgz.core.findings import WARNING, Finding
from mgz.core.rules.base import Selection, finding, gap, label_of, patient_classes
from mgz.core.snapshot import Snapshot

ID = "1.2"
TITLE = "Regiebehandelaar MGZ vastgelegd"
SUBJECT = "patient"
SEVERITY = WARNING


def _gap(cov, segments):
    return gap(
        cov.grid,
        "",
        cov.full & ~cov.segments_mask(segments, tuple({s[2] for s in segments})),
        None,
        "Geen regiebehandelaar MGZ vastgelegd",
        "Bepaal samen met de betrokken artsen wie de regiebehandelaar MGZ is en leg dat vast "
        "in het behandelteam.",
    )


def check(snapshot: Snapshot, selection: Selection) -> Iterable[Finding]:
    cov = coverage_for(snapshot, selection.grid)
    checked = 0
    for cls in patient_classes(cov, selection, snapshot):
        checked += len(cls.members)
        found = cov.memo((ID, cls.regie), lambda cls=cls: _gap(cov, cls.regie))
        if found is None:
            continue
        for patient in cls.members:
            label = label_of(snapshot, selection, patient)
            yield finding(
                ID,
                SEVERITY,
                "patient",
                patient.id,
                label,
                f"{found.what} {found.when} voor {label}.",
                found.suggestion,
                found=found.intervals,
            )
    selection.count(ID, checked)
