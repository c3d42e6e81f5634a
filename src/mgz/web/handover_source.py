"""The patient's handover document (behandelwensen/-grenzen), from mgz.handover."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class HandoverSummary:
    title: str
    lines: list[tuple[str, str]]
    updated: str = ""
    overdue: bool = False


def handover_summary(patient) -> HandoverSummary | None:
    """The summary the HAP reads at night; None when there is no handover document."""
    try:
        from mgz.handover.services import handover_summary as summary_of
    except ImportError:  # pragma: no cover - the handover app is optional for the pages
        return None
    found = summary_of(patient)
    if not found:
        return None
    lines: list[tuple[str, str]] = [
        ("Behandelgrenzen", "; ".join(found.get("behandelgrenzen") or []) or "geen vastgelegd"),
    ]
    if found.get("wilsverklaringen"):
        lines.append(("Wilsverklaringen", "; ".join(found["wilsverklaringen"])))
    if found.get("bejegeningsadvies"):
        lines.append(("Bejegeningsadvies", found["bejegeningsadvies"]))
    if found.get("normaal_gedrag"):
        lines.append(("Normaal gedrag", found["normaal_gedrag"]))
    author = found.get("author") or ""
    if found.get("author_role"):
        author = f"{author} ({found['author_role']})" if author else found["author_role"]
    if author:
        lines.append(("Opgesteld door", author))
    created = found.get("created_at")
    review = found.get("review_date")
    updated = f"versie {found.get('version', '')}"
    if created:
        updated += f", {created:%d-%m-%Y}"
    if review:
        updated += f"; herzien vóór {review:%d-%m-%Y}"
    return HandoverSummary(
        "Patiëntenoverdracht", lines, updated=updated, overdue=bool(found.get("review_overdue"))
    )
