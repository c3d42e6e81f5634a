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


NAMES = {"ha": "huisarts", "so": "SO", "avg": "AVG"}


def _gaps(cov, patient):
    parts = {
        f"{NAMES[aspect]} overdag": mask
        for aspect, mask in physicians.gap_2_1_3_a(cov, patient).items()
    }
    parts["huisarts in de ANW"] = physicians.gap_2_1_3_b_1(cov, patient)
    parts["SO in de ANW"] = physicians.gap_2_1_3_b_2(cov, patient)
    parts["AVG in de ANW"] = physicians.gap_2_1_3_b_3(cov, patient)
    missing = cov.empty
    names = []
    for name, mask in parts.items():
        if mask:
            missing = missing | mask
            names.append(name)
    return [
        gap(
            cov.grid,
            "",
            missing,
            cov.anw(patient.region_id),
            f"MGZ niet volledig geregeld (ontbreekt: {', '.join(names)})",
            "Maak voor de ontbrekende arts een beschikbaarheidsafspraak of wijs een vervanger "
            "aan; de bevindingen van 2.1.3.a en 2.1.3.b geven de details.",
        )
    ]


def check(snapshot: Snapshot, selection: Selection) -> Iterable[Finding]:
    return patient_gaps(
        snapshot, selection, ID, SEVERITY, lambda p: True, physicians.group_key, _gaps
    )
