"""The synthetic Netherlands: one zorgkantoorregio at a time, as unsaved rows.

`rows` holds the row/batch/context plumbing, `region` the builder of one region (with
`patients` and `arrangements` as its parts), `plans` the intermediate plans.
"""

from __future__ import annotations

from mgz.demo.generator.region import SECTOR_OF_KIND, RegionBuilder
from mgz.demo.generator.rows import (
    IMPERFECTION_KINDS,
    IMPERFECTION_LABELS,
    INSERT_ORDER,
    KEYED_MODELS,
    ArrangementLocation,
    ArrangementPatient,
    Batch,
    Context,
    Row,
    build_national,
)

__all__ = [
    "IMPERFECTION_KINDS",
    "IMPERFECTION_LABELS",
    "INSERT_ORDER",
    "KEYED_MODELS",
    "SECTOR_OF_KIND",
    "ArrangementLocation",
    "ArrangementPatient",
    "Batch",
    "Context",
    "RegionBuilder",
    "Row",
    "build_national",
]
