"""A large workbook costs a bounded number of queries: batches and dict lookups, not a query per row."""

from __future__ import annotations

from django.db import connection
from django.test.utils import CaptureQueriesContext

from mgz.exchange.workbook.services import import_workbook

from .conftest import write_table


def bsn_numbers(count: int) -> list[str]:
    """Valid BSNs: eight digits and the check digit that passes the 11-proef."""
    found, base = [], 10_000_000
    while len(found) < count:
        digits = str(base)
        remainder = sum(int(d) * w for d, w in zip(digits, range(9, 1, -1), strict=True)) % 11
        if remainder < 10:
            found.append(digits + str(remainder))
        base += 1
    return found


def patients_workbook(path, count: int) -> None:
    header = [
        "code",
        "bsn",
        "achternaam",
        "geboortedatum",
        "zorgprofiel",
        "leveringsvorm",
        "regio",
        "woonlocatie",
    ]
    patients = [
        [f"CL-{n}", bsn, f"Naam {n}", "1940-01-01", "VV05", "verblijf", "R1", "L1"]
        for n, bsn in enumerate(bsn_numbers(count))
    ]
    team = [[f"CL-{n}", "Z1", "regiebehandelaar", "2025-01-01"] for n in range(count)]
    write_table(
        path,
        {
            "regios": [["code", "naam"], ["R1", "Regio"]],
            "organisaties": [["code", "naam", "soort"], ["O1", "Zorg", "zorgaanbieder_vv"]],
            "locaties": [
                ["code", "organisatie", "naam", "regio", "postcode", "soort", "behandelmodel"],
                ["L1", "O1", "Huis", "R1", "1234 AB", "verpleeghuis", "met_behandeling"],
            ],
            "zorgverleners": [["code", "achternaam", "discipline"], ["Z1", "Arts", "so"]],
            "clienten": [header, *patients],
            "behandelteam": [["client", "zorgverlener", "rol", "vanaf"], *team],
        },
    )


def queries_to_import(path) -> int:
    with CaptureQueriesContext(connection) as captured:
        import_workbook(path)
    return len(captured)


def test_import_queries_do_not_grow_with_the_number_of_rows(db, tmp_path):
    patients_workbook(tmp_path / "klein_csv", 50)
    patients_workbook(tmp_path / "groot_csv", 2500)

    small = queries_to_import(tmp_path / "klein_csv")
    large = queries_to_import(tmp_path / "groot_csv")

    # 2,450 more patients and care team rows cost extra batches (SQLite allows ~999 parameters
    # per query, so a batch holds ~60 patients there), never a query per row.
    assert large - small < 2 * 2450 / 40, (small, large)
    again = queries_to_import(tmp_path / "groot_csv")  # the re-import finds everything unchanged
    assert again <= large
