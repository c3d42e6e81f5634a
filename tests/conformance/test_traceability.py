"""docs/traceability.md lists every covenant clause id, with a kind, code and proof that exist."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from mgz.core.rules.registry import module_name, rule_by_id

ROOT = Path(__file__).resolve().parents[2]
KINDS = {"check", "flow", "data", "route", "report", "FHIR", "out"}
PATH = re.compile(r"`((?:src|tests|docs)/[^`]+)`")


def covenant_text() -> str:
    for candidate in (ROOT / "docs" / "covenant.md", ROOT.parent / "shared" / "covenant.md"):
        if candidate.exists():
            return candidate.read_text(encoding="utf-8")
    pytest.fail("covenant.md niet gevonden (docs/covenant.md of ../shared/covenant.md)")


def covenant_ids() -> list[str]:
    return re.findall(r"^\s*- `([^`]+)`", covenant_text(), re.M)


def covenant_kinds() -> dict[str, str]:
    """Clause id -> the kind words of its closing bold marker."""
    kinds = {}
    for match in re.finditer(
        r"^\s*- `([^`]+)`(.*?)(?=^\s*- `|^#|\Z)", covenant_text(), re.M | re.S
    ):
        bold = re.findall(r"\*\*([^*]+)\*\*", match.group(2))
        kinds[match.group(1)] = bold[-1] if bold else ""
    return kinds


def table() -> dict[str, tuple[str, str, str]]:
    rows = {}
    text = (ROOT / "docs" / "traceability.md").read_text(encoding="utf-8")
    for line in text.splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) == 4 and cells[0] not in ("id", "---"):
            rows[cells[0]] = (cells[1], cells[2], cells[3])
    return rows


def test_every_covenant_id_is_traced_once():
    ids = covenant_ids()
    assert len(ids) >= 60
    rows = table()
    missing = [i for i in ids if i not in rows]
    unknown = [i for i in rows if i not in ids]
    assert not missing, f"ontbreken in docs/traceability.md: {missing}"
    assert not unknown, f"staan niet in het convenant: {unknown}"


def test_kinds_are_known_and_check_clauses_stay_check():
    rows = table()
    covenant = covenant_kinds()
    for clause, (kind, _code, _proof) in rows.items():
        kinds = {k.strip() for k in kind.split(",")}
        assert kinds <= KINDS, clause
        if covenant.get(clause, "").startswith("check"):
            assert "check" in kinds, clause


def test_every_check_clause_has_its_rule_and_proof():
    rules = rule_by_id()
    for clause, (kind, code, proof) in table().items():
        if "check" not in kind:
            continue
        assert clause in rules, f"geen regel voor {clause}"
        assert f"src/mgz/core/rules/{module_name(clause)}.py" in code
        assert "tests/core/rules/test_rules.py" in proof


def test_every_rule_is_a_check_clause_of_the_covenant():
    rows = table()
    for rule_id in rule_by_id():
        assert rule_id in rows and "check" in rows[rule_id][0], rule_id


def test_referenced_paths_exist():
    missing = [
        path
        for _kind, code, proof in table().values()
        for path in PATH.findall(code + " " + proof)
        if not (ROOT / path).exists()
    ]
    assert not missing, missing


def test_rules_doc_is_generated_from_the_code():
    from mgz.core.rules.registry import render_catalogue

    assert (ROOT / "docs" / "rules.md").read_text(encoding="utf-8") == render_catalogue()
