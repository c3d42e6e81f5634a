"""The rule catalogue: every rule module, in covenant order, and the generated docs/rules.md."""

from __future__ import annotations

import importlib
import inspect
from types import ModuleType

from mgz.core.findings import SUBJECT_LABELS

MODULES = (
    "r_1_1",
    "r_1_2",
    "r_2_1_1",
    "r_2_1_3_a",
    "r_2_1_3_b_1",
    "r_2_1_3_b_2",
    "r_2_1_3_b_3",
    "r_2_1_3_c",
    "r_2_1_3_e",
    "r_2_1_4_b",
    "r_2_1_4_c",
    "r_2_1_4_d",
    "r_2_2_1",
    "r_2_2_6",
    "r_2_3_1_1",
    "r_2_3_1_1_a",
    "r_2_3_1_1_b",
    "r_2_3_1_2",
    "r_2_3_2_1",
    "r_2_3_2_2",
    "r_2_3_2_3",
    "r_2_3_3_1_a",
    "r_2_3_3_1_b",
    "r_2_3_3_2_b",
    "r_2_3_3_2_c",
    "r_2_3_3_2_d",
    "r_2_3_3_2_e",
    "r_2_3_3_2_f",
    "r_2_4_4",
    "r_2_5_2",
)
DOC_SECTIONS = ("Wat het controleert", "Waarom", "Voorbeeld")
SEVERITY_LABELS = {"error": "fout", "warning": "waarschuwing"}


def all_rules() -> tuple[ModuleType, ...]:
    """The rule modules, in covenant order."""
    return tuple(importlib.import_module(f"mgz.core.rules.{name}") for name in MODULES)


def rule_by_id() -> dict[str, ModuleType]:
    return {rule.ID: rule for rule in all_rules()}


def module_name(rule_id: str) -> str:
    return "r_" + rule_id.replace(".", "_")


def doc_sections(rule: ModuleType) -> dict[str, str]:
    """The docstring split into its title line and the three sections."""
    text = inspect.cleandoc(rule.__doc__ or "")
    sections: dict[str, str] = {}
    current = "title"
    lines: list[str] = []
    for line in text.splitlines():
        heading = next((s for s in DOC_SECTIONS if line.startswith(s + ":")), None)
        if heading:
            sections[current] = " ".join(lines).strip()
            current, lines = heading, [line[len(heading) + 1 :].strip()]
        else:
            lines.append(line.strip())
    sections[current] = " ".join(x for x in lines if x).strip()
    return sections


def render_catalogue() -> str:
    """docs/rules.md, generated from the rule modules (one source of truth)."""
    out = [
        "# Regels van de toetsing (conformance engine)",
        "",
        "Gegenereerd uit `src/mgz/core/rules/` met `mgz rules_doc`; niet met de hand bewerken.",
        "Een test faalt wanneer dit bestand niet meer klopt met de code.",
        "",
        "| id | titel | onderwerp | ernst | module |",
        "|---|---|---|---|---|",
    ]
    rules = all_rules()
    for rule in rules:
        out.append(
            f"| {rule.ID} | {rule.TITLE} | {SUBJECT_LABELS[rule.SUBJECT]} | "
            f"{SEVERITY_LABELS[rule.SEVERITY]} | `{rule.__name__.rsplit('.', 1)[1]}.py` |"
        )
    for rule in rules:
        sections = doc_sections(rule)
        out += [
            "",
            f"## {rule.ID} — {rule.TITLE}",
            "",
            f"Onderwerp: {SUBJECT_LABELS[rule.SUBJECT]}; ernst: {SEVERITY_LABELS[rule.SEVERITY]}.",
            "",
        ]
        for section in DOC_SECTIONS:
            out += [f"**{section}.** {sections.get(section, '')}", ""]
    return "\n".join(out).rstrip() + "\n"
