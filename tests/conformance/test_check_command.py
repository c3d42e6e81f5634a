"""`mgz check`: summary per rule, findings, formats, scope options, exit code, stored runs."""

from __future__ import annotations

import csv
import io
import json

import pytest
from django.core.management import CommandError, call_command

from mgz.conformance import render, services
from mgz.conformance.models import Finding, Run
from mgz.core.rules.registry import all_rules
from mgz.registry.models import Location, Patient, Region
from tests.conformance.conftest import TODAY


def run_command(*args: str) -> tuple[str, int]:
    out = io.StringIO()
    try:
        call_command("check", *args, "--from", TODAY.isoformat(), stdout=out)
        code = 0
    except SystemExit as exit_:
        code = int(exit_.code)
    return out.getvalue(), code


def test_json_output_follows_the_documented_schema(tiny):
    text, code = run_command("--format", "json", "--no-store")
    data = json.loads(text)
    assert data["schema"] == render.SCHEMA
    assert set(data) == {"schema", "run", "summary", "findings", "exit_code"}
    assert data["run"]["horizon"] == {
        "start": "2026-11-23",
        "days": 28,
        "timezone": "Europe/Amsterdam",
    }
    assert [row["rule_id"] for row in data["summary"]] == [r.ID for r in all_rules()]
    assert set(data["summary"][0]) == {
        "rule_id",
        "title",
        "severity",
        "subject_kind",
        "subjects_checked",
        "subjects_failing",
        "subjects_not_assessable",
        "uncovered_hours",
    }
    finding = data["findings"][0]
    assert set(finding) == {
        "rule_id",
        "subject",
        "aspect",
        "severity",
        "status",
        "intervals",
        "uncovered_minutes",
        "message",
        "suggestion",
    }
    errors = [f for f in data["findings"] if f["severity"] == "error" and f["status"] == "fail"]
    assert code == data["exit_code"] == (1 if errors else 0)
    timed = [f for f in data["findings"] if f["intervals"]]
    assert timed and all(
        i["start"].endswith(("+01:00", "+02:00")) and i["kind"] in ("dag", "anw", "etmaal")
        for f in timed
        for i in f["intervals"]
    )


def test_text_output_has_the_summary_then_the_findings(tiny):
    text, _code = run_command("--no-store", "--limit", "3")
    assert "Toetsing convenant MGZ — alles, 23-11-2026 t/m 20-12-2026 (28 dagen)" in text
    assert "2.1.3.b.2" in text and "niet gedekt (u)" in text
    assert "Bevindingen (" in text and "→ " in text


def test_csv_has_one_row_per_finding(tiny):
    text, _ = run_command("--format", "csv", "--no-store")
    rows = list(csv.reader(io.StringIO(text)))
    assert tuple(rows[0]) == render.CSV_FIELDS
    json_text, _ = run_command("--format", "json", "--no-store")
    assert len(rows) - 1 == len(json.loads(json_text)["findings"])


def test_exit_code_is_zero_without_errors(tiny):
    # Restricted to a patient whose findings are warnings at most.
    outcome = services.run_check(start=TODAY, store=False)
    error_patients = {f.subject_id for f in outcome.result.findings if f.severity == "error"}
    patient = Patient.objects.exclude(id__in=error_patients).first()
    _text, code = run_command("--patient", patient.code, "--no-store")
    assert code == 0
    bad = Patient.objects.get(id=next(iter(error_patients)))
    _text, code = run_command("--patient", bad.code, "--no-store")
    assert code == 1


def test_scope_options_limit_the_subjects(tiny):
    location = Location.objects.filter(status="open").first()
    text, _ = run_command("--location", location.code, "--format", "json", "--no-store")
    data = json.loads(text)
    patients = set(Patient.objects.filter(location=location).values_list("id", flat=True))
    kinds = {(f["subject"]["kind"], f["subject"]["id"]) for f in data["findings"]}
    assert all(
        (kind == "patient" and sid in patients)
        or (kind == "location" and sid == location.id)
        or kind == "organisation"
        for kind, sid in kinds
    )
    region = Region.objects.first()
    text, _ = run_command("--region", region.code, "--format", "json", "--no-store")
    assert json.loads(text)["run"]["scope"] == f"regio {region.name}"


def test_unknown_scope_is_a_dutch_error(tiny):
    with pytest.raises(CommandError, match="bestaat niet"):
        call_command("check", "--region", "XX-GEEN", stdout=io.StringIO())


def test_a_run_and_its_findings_are_stored_for_a_trend(tiny):
    run_command("--no-store")
    assert Run.objects.count() == 0
    run_command()
    run_command()
    assert Run.objects.count() == 2
    run = Run.objects.first()
    assert run.findings.count() == run.findings_count > 0
    stored = Finding.objects.filter(run=run, intervals__isnull=False).exclude(intervals=[]).first()
    assert set(stored.intervals[0]) == {"start", "end", "kind"}
    assert stored.uncovered_minutes > 0
    points = services.trend()
    assert len(points) == 2 and points[0][1] == points[1][1] > 0
    assert len(services.trend(rule_id="2.1.3.b.2")) == 2


def test_latest_findings_for_serves_the_opening_gate(tiny):
    planned = Location.objects.filter(status="gepland").first()
    assert services.latest_findings_for("location", planned.id) is None
    run_command()
    found = services.latest_findings_for("location", planned.id)
    assert found is not None
    assert all(f.subject_id == planned.id for f in found)
