"""Output of `mgz check`: text for people, JSON (schema mgz-conformance/1) and CSV for tools."""

from __future__ import annotations

import csv
import io
import json

from mgz.conformance.services import CheckOutcome
from mgz.core.findings import ERROR, NOT_ASSESSABLE
from mgz.core.rules.registry import SEVERITY_LABELS

SCHEMA = "mgz-conformance/1"
CSV_FIELDS = (
    "rule_id",
    "severity",
    "status",
    "subject_kind",
    "subject_id",
    "subject_label",
    "aspect",
    "uncovered_minutes",
    "intervals",
    "message",
    "suggestion",
)


def _hours(minutes: int) -> str:
    return f"{minutes / 60:.1f}".replace(".", ",")


def as_text(outcome: CheckOutcome, *, limit: int | None = None) -> str:
    grid = outcome.grid
    last = grid.local_day(grid.days - 1)
    lines = [
        f"Toetsing convenant MGZ — {outcome.scope}, {grid.start:%d-%m-%Y} t/m {last:%d-%m-%Y} "
        f"({grid.days} dagen)",
        f"Snapshot geladen in {outcome.load_seconds:.2f} s; toetsing in "
        f"{outcome.evaluation_seconds:.2f} s.",
        "",
        f"{'regel':<11} {'ernst':<13} {'getoetst':>9} {'afwijkend':>9} {'n.t.b.':>7} "
        f"{'niet gedekt (u)':>15}  titel",
    ]
    for s in outcome.result.summaries(outcome.rules):
        lines.append(
            f"{s.rule_id:<11} {SEVERITY_LABELS[s.severity]:<13} {s.checked:>9} {s.failing:>9} "
            f"{s.not_assessable:>7} {_hours(s.uncovered_minutes):>15}  {s.title}"
        )
    findings = outcome.result.findings
    lines += ["", f"Bevindingen ({len(findings)}):"]
    shown = findings if limit is None else findings[:limit]
    for f in shown:
        label = "niet te beoordelen" if f.status == NOT_ASSESSABLE else SEVERITY_LABELS[f.severity]
        lines += [
            f"[{label}] {f.rule_id}  {f.subject_label}",
            f"    {f.message}",
            f"    → {f.suggestion}",
        ]
    if limit is not None and len(findings) > limit:
        lines.append(
            f"… en {len(findings) - limit} bevindingen meer (gebruik --limit 0 voor alle)."
        )
    errors = sum(1 for f in findings if f.severity == ERROR and f.status == "fail")
    lines += [
        "",
        f"Resultaat: {errors} fouten; exitcode {outcome.exit_code}.",
    ]
    return "\n".join(lines) + "\n"


def as_dict(outcome: CheckOutcome) -> dict:
    return {
        "schema": SCHEMA,
        "run": {
            "id": outcome.run.id if outcome.run else None,
            "scope": outcome.scope,
            "horizon": {
                "start": outcome.grid.start.isoformat(),
                "days": outcome.grid.days,
                "timezone": "Europe/Amsterdam",
            },
            "load_seconds": round(outcome.load_seconds, 3),
            "evaluation_seconds": round(outcome.evaluation_seconds, 3),
        },
        "summary": [s.as_dict() for s in outcome.result.summaries(outcome.rules)],
        "findings": [f.as_dict() for f in outcome.result.findings],
        "exit_code": outcome.exit_code,
    }


def as_json(outcome: CheckOutcome) -> str:
    return json.dumps(as_dict(outcome), ensure_ascii=False, indent=2) + "\n"


def as_csv(outcome: CheckOutcome) -> str:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(CSV_FIELDS)
    for f in outcome.result.findings:
        writer.writerow(
            (
                f.rule_id,
                f.severity,
                f.status,
                f.subject_kind,
                f.subject_id,
                f.subject_label,
                f.aspect,
                f.uncovered_minutes,
                ";".join(
                    f"{i.start.isoformat()}/{i.end.isoformat()}/{i.kind}" for i in f.intervals
                ),
                f.message,
                f.suggestion,
            )
        )
    return out.getvalue()
