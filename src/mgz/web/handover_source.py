"""The patient's handover document (behandelwensen/-grenzen), from mgz.handover when present."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class HandoverSummary:
    title: str
    lines: list[tuple[str, str]]
    updated: str = ""
    url: str = ""


def handover_summary(patient) -> HandoverSummary | None:
    try:
        from mgz.handover import services  # type: ignore[attr-defined]
    except ImportError:
        return None
    summary = getattr(services, "summary_for_patient", None)
    if summary is None:
        return None
    found = summary(patient)
    if found is None:
        return None
    if isinstance(found, HandoverSummary):
        return found
    lines = getattr(found, "lines", None) or list(getattr(found, "as_dict", dict)().items())
    return HandoverSummary(
        title=getattr(found, "title", "Patiëntenoverdracht"),
        lines=[(str(k), str(v)) for k, v in lines],
        updated=str(getattr(found, "updated", "") or ""),
    )
