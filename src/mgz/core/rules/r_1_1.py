"""1.1 — MGZ dag en ANW beschikbaar voor elke Wlz-cliënt.

Wat het controleert: voor elke cliënt de samenvatting van 2.1.3.a en 2.1.3.b.1–3: op welke
momenten ontbreekt een vereiste arts (HA altijd; SO bij VV; AVG waar nodig), overdag
beschikbaar en in de ANW beschikbaar of bereikbaar zoals 2.1.3.b vraagt. Eén bevinding per
cliënt met alle tijdvakken samen.

Waarom: het eerste doel van het convenant (1.1) is dat MGZ overdag (regulier) en in de ANW
(spoed) beschikbaar is voor iedere Wlz-cliënt, waar die ook woont.

Voorbeeld: een VV-cliënt op locatie De Linde zonder SO in het weekend krijgt één bevinding
'MGZ niet volledig geregeld za 26-12-2026 00:00–24:00 …'.
"""

from __future__ import annotations

from collections.abc import Iterable

from mgz.core.findings import ERROR, Finding
from mgz.core.rules import physicians
from mgz.core.rules.base import Selection, gap, patient_gaps
from mgz.core.snapshot import Snapshot

ID = "1.1"
TITLE = "MGZ dag en ANW beschikbaar voor elke Wlz-cliënt"
SUBJECT = "patient"
SEVERITY = ERROR


def _gaps(cov, patient):
    missing = cov.empty
    for mask in physicians.gap_2_1_3_a(cov, patient).values():
        missing = missing | mask
    for mask in (
        physicians.gap_2_1_3_b_1(cov, patient),
        physicians.gap_2_1_3_b_2(cov, patient),
        physicians.gap_2_1_3_b_3(cov, patient),
    ):
        if mask is not None:
            missing = missing | mask
    return [
        gap(
            cov.grid,
            "",
            missing,
            cov.anw(patient.region_id),
            "MGZ niet volledig geregeld",
            "Zie de bevindingen van 2.1.3.a en 2.1.3.b voor welke arts ontbreekt, "
            "en maak daarvoor een beschikbaarheidsafspraak.",
        )
    ]


def check(snapshot: Snapshot, selection: Selection) -> Iterable[Finding]:
    return patient_gaps(
        snapshot, selection, ID, SEVERITY, lambda p: True, physicians.group_key, _gaps
    )
