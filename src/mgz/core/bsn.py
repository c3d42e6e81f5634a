"""The Burgerservicenummer and its 11-proef."""

from __future__ import annotations

WEIGHTS = (9, 8, 7, 6, 5, 4, 3, 2, -1)


def normalise_bsn(value: str | int) -> str:
    """Digits only, zero-padded to nine (an eight-digit BSN is valid with a leading zero)."""
    text = str(value).strip().replace(".", "").replace(" ", "")
    return text.zfill(9) if text.isdigit() and len(text) == 8 else text


def is_valid_bsn(value: str | int) -> bool:
    text = normalise_bsn(value)
    if len(text) != 9 or not text.isdigit() or text == "000000000":
        return False
    return sum(int(d) * w for d, w in zip(text, WEIGHTS, strict=True)) % 11 == 0


def bsn_error(value: str | int) -> str | None:
    """A Dutch message when the value is no BSN, else None."""
    text = normalise_bsn(value)
    if not text.isdigit() or len(text) != 9:
        return f"'{value}' is geen BSN: een BSN heeft 9 cijfers"
    if not is_valid_bsn(text):
        return f"BSN '{value}' voldoet niet aan de 11-proef"
    return None
