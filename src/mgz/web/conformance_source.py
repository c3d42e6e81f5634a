"""The bridge from mgz.conformance's stored runs to the page rows in mgz.web.reports.

Kept apart so that the pages work (and say "Nog geen toetsing uitgevoerd") before the engine
exists, and so that the engine's model names appear in one file only.
"""

from __future__ import annotations


def available() -> bool:
    try:
        import mgz.conformance.models  # noqa: F401
    except ImportError:
        return False
    return True


def region_report(region):
    return None
