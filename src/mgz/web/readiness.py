"""Opening readiness of a location: the checklist a region looks at before a location opens."""

from __future__ import annotations

from dataclasses import dataclass

from mgz.registry.models import Location
from mgz.web.weekview import FunctionWeek, week_view


@dataclass(frozen=True)
class Check:
    label: str
    ok: bool
    detail: str = ""


def opening_readiness(location: Location, weeks: list[FunctionWeek] | None = None) -> list[Check]:
    by_function = {week.function: week for week in (weeks or week_view(location))}

    def covered(function: str) -> tuple[bool, str]:
        week = by_function.get(function)
        if week is None or not week.arrangements:
            return False, "geen afspraak"
        missing = week.uncovered_hours
        return missing == 0, (
            "elk uur van de week" if missing == 0 else f"{missing} uur per week niet gedekt"
        )

    checks = [
        Check(
            "Kwaliteitskader geïmplementeerd",
            bool(location.quality_standard_date),
            f"{location.quality_standard_date:%d-%m-%Y}"
            if location.quality_standard_date
            else "ontbreekt",
        ),
        Check(
            "Protocol infectiepreventie",
            bool(location.protocol_infection_date),
            f"{location.protocol_infection_date:%d-%m-%Y}"
            if location.protocol_infection_date
            else "ontbreekt",
        ),
        Check(
            "Protocol Wzd",
            bool(location.protocol_wzd_date),
            f"{location.protocol_wzd_date:%d-%m-%Y}" if location.protocol_wzd_date else "ontbreekt",
        ),
        Check(
            "HAP voor de ANW-uren", bool(location.hap_id), str(location.hap or "geen HAP gekoppeld")
        ),
    ]
    for function, label in (
        ("ha_zorg", "Huisartsenzorg"),
        ("triage", "Triage"),
        ("verpleegkundige_voorwacht", "Verpleegkundige voorwacht"),
    ):
        ok, detail = covered(function)
        checks.append(Check(label, ok, detail))
    return checks
