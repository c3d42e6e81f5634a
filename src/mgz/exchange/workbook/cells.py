"""Reading and writing single cell values, per column kind.

A cell comes from openpyxl (str, int, float, bool, date/datetime/time) or from a CSV file
(always str). Parsers return the Python value or raise CellError with a Dutch message.
"""

from __future__ import annotations

import re
from datetime import date, datetime, time
from zoneinfo import ZoneInfo

from django.conf import settings
from django.utils import timezone

from mgz.core.bsn import bsn_error, normalise_bsn

TRUE = {"ja", "j", "waar", "true", "1", "x", "yes", "y"}
FALSE = {"nee", "n", "onwaar", "false", "0", "no"}
_DMY = re.compile(r"^(\d{1,2})[-/](\d{1,2})[-/](\d{4})$")
_CLOCK = re.compile(r"^(\d{1,2}):(\d{2})(?::(\d{2}))?$")


class CellError(ValueError):
    """A cell that cannot be read; the message is Dutch."""


def local_zone() -> ZoneInfo:
    return ZoneInfo(settings.TIME_ZONE)


def as_text(value: object) -> str:
    """A cell as text; whole numbers lose the '.0' a spreadsheet may give them."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "ja" if value else "nee"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime):
        return value.isoformat(sep=" ")
    return str(value).strip()


def parse_text(value: object) -> str:
    return as_text(value)


def parse_int(value: object) -> int:
    if isinstance(value, bool):
        raise CellError(f"'{as_text(value)}' is geen geheel getal")
    if isinstance(value, int):
        return value
    if isinstance(value, float) and value.is_integer():
        return int(value)
    text = as_text(value)
    if not re.fullmatch(r"-?\d+", text):
        raise CellError(f"'{text}' is geen geheel getal")
    return int(text)


def parse_float(value: object) -> float:
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return float(value)
    text = as_text(value).replace(",", ".")
    try:
        return float(text)
    except ValueError:
        raise CellError(f"'{as_text(value)}' is geen getal") from None


def parse_bool(value: object) -> bool:
    if isinstance(value, bool):
        return value
    text = as_text(value).lower()
    if text in TRUE:
        return True
    if text in FALSE:
        return False
    raise CellError(f"'{as_text(value)}' is geen ja of nee")


def parse_date(value: object) -> date:
    if isinstance(value, datetime):
        if value.time() != time(0):
            raise CellError(f"'{as_text(value)}' is een moment, verwacht een datum")
        return value.date()
    if isinstance(value, date):
        return value
    text = as_text(value)
    match = _DMY.match(text)
    try:
        if match:
            return date(int(match[3]), int(match[2]), int(match[1]))
        return date.fromisoformat(text)
    except ValueError:
        raise CellError(
            f"'{text}' is geen datum (gebruik jjjj-mm-dd of dd-mm-jjjj, bijv. 2026-01-31)"
        ) from None


def parse_time(value: object) -> time:
    if isinstance(value, datetime):
        return value.time()
    if isinstance(value, time):
        return value
    text = as_text(value)
    match = _CLOCK.match(text)
    try:
        if match:
            return time(int(match[1]), int(match[2]), int(match[3] or 0))
    except ValueError:
        pass
    raise CellError(f"'{text}' is geen tijd (gebruik UU:MM, bijv. 17:00)")


def parse_datetime(value: object) -> datetime:
    """A moment; a naive value is Dutch local time (spreadsheets know no time zones)."""
    if isinstance(value, datetime):
        moment = value
    elif isinstance(value, date):
        moment = datetime.combine(value, time(0))
    else:
        text = as_text(value).replace("T", " ")
        day_text, _, clock_text = text.partition(" ")
        try:
            day = parse_date(day_text)
            clock = parse_time(clock_text) if clock_text.strip() else time(0)
        except CellError:
            raise CellError(
                f"'{as_text(value)}' is geen datum met tijd (gebruik jjjj-mm-dd UU:MM, "
                "bijv. 2026-07-01 08:00)"
            ) from None
        moment = datetime.combine(day, clock)
    if timezone.is_naive(moment):
        moment = moment.replace(tzinfo=local_zone())
    return moment


def parse_codes(value: object) -> list[str]:
    """A list of codes separated by ';' (',' and new lines are accepted too)."""
    return [code for code in (c.strip() for c in re.split(r"[;,\n]", as_text(value))) if code]


def parse_bsn(value: object) -> str:
    text = as_text(value)
    error = bsn_error(text)
    if error:
        raise CellError(error)
    return normalise_bsn(text)


PARSERS = {
    "text": parse_text,
    "choice": parse_text,
    "ref": parse_text,
    "refs": parse_codes,
    "int": parse_int,
    "float": parse_float,
    "bool": parse_bool,
    "date": parse_date,
    "time": parse_time,
    "datetime": parse_datetime,
    "bsn": parse_bsn,
}


def for_xlsx(kind: str, value: object) -> object:
    """A value as an XLSX cell: real dates and times, codes and flags as text."""
    if value is None or value == "" or value == []:
        return None
    if kind == "refs":
        return ";".join(sorted(value))
    if kind == "bool":
        return "ja" if value else "nee"
    if kind == "datetime":
        aware = timezone.is_aware(value)
        return timezone.localtime(value, local_zone()).replace(tzinfo=None) if aware else value
    if kind in ("int", "float", "date", "time"):
        return value
    return str(value)


def for_csv(kind: str, value: object) -> str:
    """A value as CSV text: ISO dates, 'UU:MM' times, 'ja'/'nee'."""
    cell = for_xlsx(kind, value)
    if cell is None:
        return ""
    if isinstance(cell, datetime):
        return cell.strftime("%Y-%m-%d %H:%M")
    if isinstance(cell, time):
        return cell.strftime("%H:%M")
    if isinstance(cell, date):
        return cell.isoformat()
    if isinstance(cell, float):
        return repr(cell)
    return str(cell)
