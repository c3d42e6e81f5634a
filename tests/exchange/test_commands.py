"""The thin commands: `mgz import`, `mgz export`, `mgz template`, `mgz workbook_docs`."""

from __future__ import annotations

import os
import subprocess
import sys
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from .conftest import counts, read_table, write_table


def test_import_prints_counts_per_sheet(world, tmp_path):
    call_command("export", tmp_path / "werkmap.xlsx", stdout=StringIO())
    out = StringIO()

    call_command("import", tmp_path / "werkmap.xlsx", stdout=out)

    assert "clienten: 0 nieuw, 0 gewijzigd, 2 ongewijzigd" in out.getvalue()


def test_import_with_problems_prints_each_one_and_fails(world, tmp_path):
    call_command("export", tmp_path / "werkmap_csv", stdout=StringIO())
    table = read_table(tmp_path / "werkmap_csv")
    table["clienten"][1][1] = "123456789"
    table["organisaties"][3][2] = "ziekenhuis"  # ORG-PGB; ORG-HA must stay a practice
    write_table(tmp_path / "fout_csv", table)
    before, err = counts(), StringIO()

    with pytest.raises(CommandError, match="2 problemen gevonden; er is niets geïmporteerd"):
        call_command("import", tmp_path / "fout_csv", stdout=StringIO(), stderr=err)

    assert err.getvalue().splitlines() == [
        "organisaties!4:C — onbekende code 'ziekenhuis' voor soort; kies uit: zorgaanbieder_vv, "
        "zorgaanbieder_ghz, zorgaanbieder_ggz, huisartsenpraktijk, hap, so_avg_praktijk, zorgkantoor, "
        "zorgverzekeraar, rho, wijkverpleging, gemeente",
        "clienten!2:B — BSN '123456789' voldoet niet aan de 11-proef",
    ]
    assert counts() == before


def test_import_check_only_validates(db, tmp_path):
    call_command("template", tmp_path / "sjabloon.xlsx", stdout=StringIO())
    out = StringIO()

    call_command("import", "--check", tmp_path / "sjabloon.xlsx", stdout=out)

    assert "clienten: 1 rijen" in out.getvalue()
    assert set(counts().values()) == {0}


def test_import_of_a_missing_file_fails(db, tmp_path):
    with pytest.raises(CommandError, match="bestaat niet"):
        call_command("import", tmp_path / "nergens.xlsx")


def test_workbook_docs_prints_markdown(db):
    out = StringIO()
    call_command("workbook_docs", stdout=out)
    assert out.getvalue().startswith("# De regiowerkmap")


def test_mgz_import_exits_non_zero_on_problems(tmp_path):
    """The real entry point, in a fresh process: a broken file gives exit code 1 and the problems."""
    write_table(
        tmp_path / "fout.xlsx", {"regios": [["code", "naam", "anw_begin"], ["R1", "", "7 uur"]]}
    )
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "mgz.conf.ci", "MGZ_VAR_DIR": str(tmp_path)}
    env.pop("DATABASE_URL", None)  # a throwaway SQLite database in tmp_path
    subprocess.run([sys.executable, "-m", "mgz", "migrate", "-v0"], env=env, check=True)

    done = subprocess.run(
        [sys.executable, "-m", "mgz", "import", str(tmp_path / "fout.xlsx")],
        env=env,
        capture_output=True,
        text=True,
    )

    assert done.returncode == 1
    assert "regios!2:B — verplicht veld 'naam' is leeg" in done.stderr
    assert "regios!2:C — '7 uur' is geen tijd (gebruik UU:MM, bijv. 17:00)" in done.stderr


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("kapot.xlsx", b"geen zip", "kapot.xlsx — is geen leesbare XLSX-werkmap"),
        (
            "los.csv",
            b"code;naam\n",
            "los.csv — geef een .xlsx-werkmap of een map met CSV-bestanden",
        ),
    ],
)
def test_import_of_an_unreadable_file_reports_it(db, tmp_path, name, content, message):
    (tmp_path / name).write_bytes(content)
    err = StringIO()

    with pytest.raises(CommandError, match="1 probleem gevonden"):
        call_command("import", tmp_path / name, stderr=err)

    assert err.getvalue().startswith(message)
