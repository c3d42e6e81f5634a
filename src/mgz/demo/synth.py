"""Small deterministic makers of synthetic values: BSNs, names, addresses, phone numbers.

Everything draws from a `random.Random` handed in, so one seed gives one data set.
"""

from __future__ import annotations

import math
import random
from datetime import date, timedelta

from mgz.core.bsn import WEIGHTS
from mgz.demo import names
from mgz.demo.reference import RegionSpec

# Synthetic BSNs all start with these digits, so a demo number is recognisable at a glance.
BSN_PREFIX = "99"
_PREFIX_SPACE = 1_000_000  # six free digits between the prefix and the check digit

AREA_CODES = {
    "GRO": "050",
    "FRI": "058",
    "DRE": "0592",
    "TWE": "053",
    "ZWO": "038",
    "GOO": "035",
    "AMS": "020",
    "ZAW": "075",
    "KEN": "023",
    "NHN": "072",
    "UTR": "030",
    "AMF": "033",
    "HGL": "070",
    "DWO": "015",
    "ZHN": "071",
    "MHO": "0182",
    "RTM": "010",
    "WRD": "078",
    "ZHE": "0181",
    "ZEE": "0118",
    "WBR": "076",
    "MBR": "013",
    "NOB": "073",
    "ZOB": "040",
    "NML": "077",
    "ZLI": "043",
    "ARN": "026",
    "NIJ": "024",
    "MIJ": "0570",
    "APZ": "055",
    "FLE": "036",
}
# Letters as they occur in Dutch postcodes (SA, SD and SS are never issued; keep it simple).
_POSTCODE_LETTERS = "ABCDEGHJKLMNPRTVWXZ"


class BsnSequence:
    """Distinct synthetic BSNs that pass the 11-proef: 99 + six digits + check digit.

    The six digits walk an affine permutation of 0..999,999, so consecutive patients do not
    get consecutive numbers; about one in eleven candidates has no valid check digit and is
    skipped, leaving ~909,000 numbers, more than twice the national scale.
    """

    def __init__(self, rng: random.Random) -> None:
        multiplier = rng.randrange(100_001, 999_999)
        while math.gcd(multiplier, _PREFIX_SPACE) != 1:
            multiplier += 1
        self._multiplier = multiplier
        self._offset = rng.randrange(_PREFIX_SPACE)
        self._index = 0

    def next(self) -> str:
        while True:
            if self._index >= _PREFIX_SPACE:
                raise RuntimeError("de synthetische BSN-reeks is op")
            middle = (self._multiplier * self._index + self._offset) % _PREFIX_SPACE
            self._index += 1
            head = f"{BSN_PREFIX}{middle:06d}"
            check = sum(int(d) * w for d, w in zip(head, WEIGHTS[:8], strict=True)) % 11
            if check < 10:
                return f"{head}{check}"


def person_name(rng: random.Random) -> tuple[str, str]:
    """A (given name, family name) pair, combined at random."""
    given = rng.choice(names.GIVEN_NAMES_F if rng.random() < 0.6 else names.GIVEN_NAMES_M)
    return given, rng.choice(names.FAMILY_NAMES)


def initials(rng: random.Random) -> str:
    letters = "ABCDEFGHIJKLMNPRSTWY"
    return ".".join(rng.choice(letters) for _ in range(rng.choice((1, 1, 2, 2, 3)))) + "."


def postcode(rng: random.Random, spec: RegionSpec) -> str:
    prefix = rng.choice(spec.postcode_prefixes)
    letters = rng.choice(_POSTCODE_LETTERS) + rng.choice(_POSTCODE_LETTERS)
    return f"{prefix}{rng.randrange(10, 100):02d} {letters}"


def street(rng: random.Random) -> str:
    return f"{rng.choice(names.STREETS)} {rng.randrange(1, 240)}"


def phone(rng: random.Random, region_code: str) -> str:
    area = AREA_CODES[region_code]
    digits = 10 - len(area)
    return f"{area}-{rng.randrange(2 * 10 ** (digits - 1), 10**digits)}"


def mobile(rng: random.Random) -> str:
    return f"06-{rng.randrange(10_000_000, 100_000_000)}"


def day_between(rng: random.Random, first: date, last: date) -> date:
    span = (last - first).days
    return first + timedelta(days=rng.randrange(span + 1)) if span > 0 else first


def apportion(total: int, shares: dict[str, float]) -> dict[str, int]:
    """Split a whole number over shares by largest remainder, so the parts add up exactly."""
    raw = {key: total * share / sum(shares.values()) for key, share in shares.items()}
    parts = {key: int(value) for key, value in raw.items()}
    rest = total - sum(parts.values())
    for key in sorted(raw, key=lambda k: raw[k] - parts[k], reverse=True)[:rest]:
        parts[key] += 1
    return parts
