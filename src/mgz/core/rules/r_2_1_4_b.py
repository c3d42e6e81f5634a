"""2.1.4.b — Wederkerigheid: geen arts staat er alleen voor.

Wat het controleert: op dagen dat een huisarts regiebehandelaar is, moet overdag voor een
VV-cliënt een SO en voor een cliënt die een AVG nodig heeft een AVG bereikbaar zijn; op dagen
dat een SO of AVG regiebehandelaar is, moet overdag een huisarts bereikbaar zijn.

Waarom: AVG en SO zijn beschikbaar voor de huisarts en een huisarts voor de AVG (en de SO
waar nodig); geen arts staat er alleen voor (2.1.4.b).

Voorbeeld: een VG-cliënt met de huisarts als regiebehandelaar en geen AVG-afspraak krijgt
'Geen AVG bereikbaar voor de huisarts (regiebehandelaar) overdag …'.
"""

from __future__ import annotations

from collections.abc import Iterable

from mgz.core.findings import WARNING, Finding
from mgz.core.rules import physicians
from mgz.core.rules.base import AVG, HA, SO, Selection, gap, needs_avg, needs_so, patient_gaps
from mgz.core.snapshot import Snapshot

ID = "2.1.4.b"
TITLE = "Wederkerigheid: HA, SO en AVG bereikbaar voor elkaar"
SUBJECT = "patient"
SEVERITY = WARNING


def _gaps(cov, patient):
    segments = cov.regie(patient)
    day = cov.day(patient.region_id)
    by_ha = cov.segments_mask(segments, ("huisarts",))
    by_specialist = cov.segments_mask(segments, ("so", "avg"))
    found = []
    if needs_so(patient):
        missing = by_ha & day & ~cov.patient_cover(patient, SO, "bereikbaar")
        found.append(
            gap(
                cov.grid,
                "so",
                missing,
                cov.empty,
                "Geen SO bereikbaar voor de huisarts (regiebehandelaar) overdag",
                physicians.SUGGEST_SO,
            )
        )
    if needs_avg(patient):
        missing = by_ha & day & ~cov.patient_cover(patient, AVG, "bereikbaar")
        found.append(
            gap(
                cov.grid,
                "avg",
                missing,
                cov.empty,
                "Geen AVG bereikbaar voor de huisarts (regiebehandelaar) overdag",
                physicians.SUGGEST_AVG,
            )
        )
    missing = by_specialist & day & ~cov.patient_cover(patient, HA, "bereikbaar")
    found.append(
        gap(
            cov.grid,
            "ha",
            missing,
            cov.empty,
            "Geen huisarts bereikbaar voor de SO/AVG (regiebehandelaar) overdag",
            physicians.SUGGEST_HA_DAY,
        )
    )
    return found


def check(snapshot: Snapshot, selection: Selection) -> Iterable[Finding]:
    return patient_gaps(
        snapshot,
        selection,
        ID,
        SEVERITY,
        lambda p: True,
        physicians.group_key,
        _gaps,
    )
