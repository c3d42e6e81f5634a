"""Reading single cells: the date, time, number and yes/no spellings a spreadsheet produces."""

from __future__ import annotations

from datetime import date, datetime, time

import pytest

from mgz.exchange.workbook.cells import (
    CellError,
    for_csv,
    parse_bool,
    parse_bsn,
    parse_codes,
    parse_date,
    parse_datetime,
    parse_float,
    parse_int,
    parse_text,
    parse_time,
)


@pytest.mark.parametrize(
    "value",
    [
        "2026-01-31",
        "31-01-2026",
        "31/01/2026",
        "31-1-2026",
        datetime(2026, 1, 31),
        date(2026, 1, 31),
    ],
)
def test_dates_in_every_accepted_spelling(value):
    assert parse_date(value) == date(2026, 1, 31)


@pytest.mark.parametrize("value", ["31-02-2026", "2026-13-01", "gisteren", "01-2026"])
def test_unreadable_dates(value):
    with pytest.raises(CellError, match="is geen datum"):
        parse_date(value)


@pytest.mark.parametrize("value", ["17:00", "17:00:00", time(17, 0), datetime(1899, 12, 30, 17, 0)])
def test_times(value):
    assert parse_time(value) == time(17, 0)


@pytest.mark.parametrize("value", ["24:30", "17.00", "17u", "9:7"])
def test_unreadable_times(value):
    with pytest.raises(CellError, match="is geen tijd"):
        parse_time(value)


def test_a_naive_moment_is_dutch_local_time():
    moment = parse_datetime("01-07-2026 08:00")
    assert moment.utcoffset().total_seconds() == 2 * 3600
    assert parse_datetime("2026-01-05T08:00") == parse_datetime(datetime(2026, 1, 5, 8, 0))
    assert for_csv("datetime", moment) == "2026-07-01 08:00"


def test_numbers_booleans_text_and_codes():
    assert parse_int(60.0) == 60 and parse_int("60") == 60
    assert parse_float("52,09") == 52.09
    assert parse_text(12345678.0) == "12345678"  # a code typed as a number
    assert [parse_bool(v) for v in ("ja", "Nee", "x", True, "0")] == [
        True,
        False,
        True,
        True,
        False,
    ]
    assert parse_codes("LOC-1; LOC-2;") == ["LOC-1", "LOC-2"]
    assert parse_bsn("99999.0007") == "999990007"
    with pytest.raises(CellError, match="geen geheel getal"):
        parse_int("zestig")
    with pytest.raises(CellError, match="geen ja of nee"):
        parse_bool("misschien")
