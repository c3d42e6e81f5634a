"""A tiny synthetic region in the test database (the demo generator, fixed seed and date)."""

from __future__ import annotations

from contextlib import nullcontext
from datetime import date

import pytest

TODAY = date(2026, 11, 23)


@pytest.fixture
def tiny(db, monkeypatch):
    from mgz.demo import loader

    # The demo's bulk-load PRAGMAs cannot run inside the test transaction on SQLite.
    monkeypatch.setattr(loader, "_bulk_load", nullcontext)
    return loader.generate("tiny", 1, today=TODAY)
