"""The codes a routing request uses, their Dutch labels, and the routing errors."""

from __future__ import annotations

QUESTIONS: dict[str, str] = {
    "somatisch_acuut": "Somatisch acuut",
    "somatisch_chronisch": "Somatisch chronisch",
    "multidomein": "Multidomein / regieverlies",
    "vg_gedrag": "VG-gerelateerd gedrag",
    "psychisch_gedrag": "Psychisch / gedrag",
    "palliatief": "Palliatief",
    "overlijden": "Overlijden / lijkschouw",
}
URGENCIES: dict[str, str] = {
    "U0": "U0 – reanimatie",
    "U1": "U1 – levensbedreigend",
    "U2": "U2 – spoed",
    "U3": "U3 – dringend",
    "U4": "U4 – niet dringend",
    "U5": "U5 – advies",
}
CALLERS: dict[str, str] = {
    "verzorgende": "Verzorgende / begeleider",
    "voorwacht": "Voorwacht",
    "hap_triagist": "HAP-triagist",
    "huisarts": "Huisarts",
    "so": "Specialist ouderengeneeskunde (SO)",
    "avg": "Arts verstandelijk gehandicapten (AVG)",
}
FUNCTION_LABELS: dict[str, str] = {
    "spoed": "Ambulance (112)",
    "ha_zorg": "Huisartsenzorg",
    "so_zorg": "SO-zorg",
    "avg_zorg": "AVG-zorg",
    "triage": "Triage",
    "verpleegkundige_voorwacht": "Verpleegkundige voorwacht",
    "gedragskundige_voorwacht": "Gedragskundige voorwacht",
    "gedragskundige": "Gedragskundige",
}
MODE_LABELS = {
    "beschikbaar": "beschikbaar",
    "bereikbaar": "bereikbaar",
    "telefonisch": "telefonisch bereikbaar",
}
PHYSICIAN_FUNCTIONS = ("ha_zorg", "so_zorg", "avg_zorg")
SCOPE_RANK = {
    "patienten": 0,
    "locaties": 1,
    "organisatie": 2,
    "subregio": 3,
    "patientgroep": 4,
    "regio": 5,
}
ROLE_LABELS = {
    "spoed": "spoed",
    "meldpunt": "het meldpunt",
    "behandelaar": "de arts die nu verantwoordelijk is",
    "huisarts": "de huisarts naast de AVG",
    "regiebehandelaar": "de regiebehandelaar MGZ",
    "consultatie": "te consulteren",
    "achterwacht": "de achterwacht",
}
EMERGENCY_URGENCIES = frozenset({"U0", "U1"})
BEHAVIOUR_QUESTIONS = frozenset({"vg_gedrag", "psychisch_gedrag"})
# Who may see the handover summary with the chain. Every caller in this list has a role in the
# patient's care (2.1.3.e: at the HAP, the practice and the institution); need-to-know per user
# comes with the web application and is checked in the service before routing.
HANDOVER_CALLERS = frozenset(CALLERS)
NO_HANDOVER_TEXT = "Nog geen overdracht vastgelegd."
RESULT_CLAUSES = ("2.1.3.d", "2.3.0")
DEFAULT_WINDOW_LIMIT = 7 * 24 * 60  # minutes either side of the moment


class RoutingError(ValueError):
    """A request that cannot be routed; the message is Dutch."""


class UnknownPatient(RoutingError):
    pass


class UnknownCode(RoutingError):
    pass
