"""The plan of a request: which steps it needs, in which order, with which clauses."""

from __future__ import annotations

from mgz.core.routing.codes import (
    BEHAVIOUR_QUESTIONS,
    CALLERS,
    EMERGENCY_URGENCIES,
    PHYSICIAN_FUNCTIONS,
    QUESTIONS,
    URGENCIES,
    UnknownCode,
)
from mgz.core.routing.results import StepSpec
from mgz.core.snapshot import (
    LocationSnap,
    PatientSnap,
)


def validate_codes(question: str, urgency: str, caller: str) -> None:
    if question not in QUESTIONS:
        raise UnknownCode(f"onbekende vraag '{question}'; kies uit: {', '.join(QUESTIONS)}")
    if urgency not in URGENCIES:
        raise UnknownCode(f"onbekende urgentie '{urgency}'; kies uit: {', '.join(URGENCIES)}")
    if caller not in CALLERS:
        raise UnknownCode(f"onbekende beller '{caller}'; kies uit: {', '.join(CALLERS)}")


def needs_avg(patient: PatientSnap) -> bool:
    """The 2.1.3.a reading: an AVG for VG/LVG/SGLVG, and for LG/ZG with a recorded disability."""
    if patient.zorgprofiel.startswith(("VG", "LVG", "SGLVG")):
        return True
    return patient.sector == "ghz" and patient.verstandelijke_beperking


def met_behandeling(patient: PatientSnap, location: LocationSnap | None) -> bool:
    """Verblijf met behandeling (2.1.4.d, 2.3.3.1.a), read as the conformance engine does:
    treatment purchased, or verblijf at a location that treats."""
    if patient.behandeling_ingekocht:
        return True
    return (
        location is not None
        and patient.leveringsvorm == "verblijf"
        and location.treatment_model == "met_behandeling"
    )


def _physician(
    role: str, function: str, required: bool, extra: tuple[str, ...], purpose: str
) -> StepSpec:
    """A physician step; its gap is named 2.1.3.a by day and 2.1.3.b.1/2/3 in ANW."""
    day_gap, anw_gap = (
        "2.1.3.a",
        {
            "ha_zorg": "2.1.3.b.1",
            "so_zorg": "2.1.3.b.2",
            "avg_zorg": "2.1.3.b.3",
        }[function],
    )
    return StepSpec(
        role=role,
        functions=(function,),
        required=required,
        clauses_day=(day_gap, *extra),
        clauses_anw=(anw_gap, *extra),
        gap_day=day_gap if required else "",
        gap_anw=anw_gap if required else "",
        purpose=purpose,
    )


SPOED = StepSpec(
    role="spoed",
    functions=("spoed",),
    required=True,
    clauses_day=("2.2.1",),
    clauses_anw=("2.2.1",),
    purpose="Urgentie U0/U1: bel eerst 112 en volg daarna de keten.",
)
REGIE = StepSpec(
    role="regiebehandelaar",
    functions=PHYSICIAN_FUNCTIONS,
    required=False,
    clauses_day=("1.2", "2.2.1"),
    clauses_anw=("1.2", "2.2.1"),
    purpose="De regiebehandelaar MGZ is nu in dienst en kent de cliënt.",
)


def plan_steps(
    patient: PatientSnap,
    location: LocationSnap | None,
    question: str,
    urgency: str,
    caller: str,
) -> tuple[StepSpec, ...]:
    """The steps a request needs, in order; the same for every moment."""
    specs: list[StepSpec] = []
    if urgency in EMERGENCY_URGENCIES:
        specs.append(SPOED)
    if caller == "verzorgende":
        functions = ("verpleegkundige_voorwacht", "gedragskundige_voorwacht")
        if question in BEHAVIOUR_QUESTIONS:
            functions = functions[::-1]
        specs.append(
            StepSpec(
                role="meldpunt",
                functions=functions,
                required=location is not None,
                clauses_day=("2.2.1", "2.3.2.3"),
                clauses_anw=("2.2.1", "2.3.2.3", "2.1.3.c"),
                gap_day="2.3.2.3" if location is not None else "",
                gap_anw="2.3.2.3" if location is not None else "",
                purpose="Meld de vraag eerst bij de voorwacht van de locatie; die triageert.",
            )
        )
    sector = patient.sector
    vv, avg = sector == "vv", sector == "ghz" and needs_avg(patient)
    met = met_behandeling(patient, location)
    avg_leads = question == "vg_gedrag" and avg
    if avg_leads:
        specs.append(
            _physician(
                "behandelaar",
                "avg_zorg",
                True,
                ("2.4.1.b", "2.4.4"),
                "Een probleem dat samenhangt met de verstandelijke beperking: de AVG.",
            )
        )
        specs.append(
            _physician(
                "huisarts",
                "ha_zorg",
                True,
                ("2.4.4", "2.1.4.c"),
                "De AVG is nooit de enige arts: de huisarts blijft beschikbaar.",
            )
        )
    elif vv and met:
        specs.append(
            _physician(
                "behandelaar",
                "so_zorg",
                True,
                ("2.1.4.d", "2.4.1.a") if question == "multidomein" else ("2.1.4.d",),
                "Verblijf met behandeling: alle huisartsgeneeskundige zorg via de SO van de instelling.",
            )
        )
    else:
        specs.append(
            _physician(
                "behandelaar",
                "ha_zorg",
                True,
                ("2.4.1.c",),
                "Huisartsenzorg: overdag de eigen huisarts, in de ANW de huisartsenpost.",
            )
        )
    specs.append(REGIE)
    if question == "multidomein" and vv and not met:
        specs.append(
            _physician(
                "achterwacht",
                "so_zorg",
                True,
                ("2.4.1.a", "2.1.4.d"),
                "Complexe, meervoudige problematiek of regieverlies: de SO is het best toegerust.",
            )
        )
    if question == "multidomein" and avg:
        specs.append(
            _physician(
                "consultatie",
                "avg_zorg",
                True,
                ("2.4.1.b", "2.1.4.c"),
                "Problematiek rond de verstandelijke beperking: de AVG is het best toegerust.",
            )
        )
    if question in BEHAVIOUR_QUESTIONS and sector != "ggz":
        specs.append(
            StepSpec(
                role="consultatie",
                functions=("gedragskundige", "gedragskundige_voorwacht"),
                required=False,
                clauses_day=("2.3.2.2",),
                clauses_anw=("2.3.2.2",),
                purpose="Gedragsvraag: de gedragskundige is bereikbaar voor advies.",
            )
        )
    if vv and not met and question != "multidomein":
        specs.append(
            _physician(
                "achterwacht",
                "so_zorg",
                True,
                ("2.1.4.d",),
                "Achterwacht VV: de SO is bereikbaar voor consultatie.",
            )
        )
    if avg and not avg_leads and question != "multidomein":
        specs.append(
            _physician(
                "achterwacht",
                "avg_zorg",
                True,
                ("2.1.4.c",),
                "Achterwacht GHZ: de AVG is (telefonisch) bereikbaar voor consultatie.",
            )
        )
    return tuple(specs)
