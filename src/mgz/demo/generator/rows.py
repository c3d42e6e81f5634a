"""Rows, batches and the shared context of the synthetic Netherlands.

The builder never queries the database: it gives every row an explicit primary key from a
counter, so foreign keys are known before anything is written and a region can be written
with plain bulk inserts (see `loader.py`). Rows of one region are handed over as a `Batch`
and dropped after writing, which keeps memory flat at national scale.
"""

from __future__ import annotations

import random
from collections import defaultdict
from datetime import date
from functools import cache
from types import SimpleNamespace
from zoneinfo import ZoneInfo

from django.db import models

from mgz.availability.models import Absence, Arrangement
from mgz.demo import reference as ref
from mgz.demo import synth
from mgz.registry.constants import (
    OrganisationKind,
)
from mgz.registry.models import (
    CareTeamMember,
    ContactPerson,
    Location,
    Organisation,
    Patient,
    Professional,
    ProfessionalRole,
    Region,
    Subregion,
)

TZ = ZoneInfo("Europe/Amsterdam")
ArrangementLocation = Arrangement.locations.through
ArrangementPatient = Arrangement.patients.through

# Foreign keys point backwards in this order, so batches are written in it.
INSERT_ORDER: tuple[type[models.Model], ...] = (
    Region,
    Subregion,
    Organisation,
    Location,
    Professional,
    ProfessionalRole,
    Patient,
    ContactPerson,
    CareTeamMember,
    Arrangement,
    ArrangementLocation,
    ArrangementPatient,
    Absence,
)
# Models whose primary keys the builder assigns (the M2M rows get theirs from the database).
KEYED_MODELS = tuple(m for m in INSERT_ORDER if m not in (ArrangementLocation, ArrangementPatient))

IMPERFECTION_KINDS: tuple[str, ...] = (
    *ref.IMPERFECTION_RATES,
    "planned_location_without_arrangements",
)
IMPERFECTION_LABELS = {
    "vv_location_without_anw_so": "VV-locaties zonder ANW-bereikbaarheid van een SO",
    "patient_without_coordinator": "cliënten zonder coördinator niet-medische zorg",
    "location_without_infection_protocol": "locaties zonder protocol infectiepreventie",
    "location_without_wzd_protocol": "locaties zonder Wzd-protocol",
    "patient_without_companion": "cliënten zonder begeleider bij artsbezoek",
    "pgb_wooninitiatief_without_arrangements": (
        "pgb-wooninitiatieven zonder eigen MGZ-afspraken (geen vaste huisarts, HAP of voorwacht)"
    ),
    "ion_gp_with_so_regiebehandelaar": "cliënten met ION bij een huisarts en een SO als regiebehandelaar",
    "met_behandeling_patient_with_ion": "cliënten met behandeling die toch ION bij een huisarts hebben",
    "ghz_patient_only_avg": "GHZ-cliënten met alleen een AVG in het behandelteam",
    "location_without_voorwacht": "locaties zonder verpleegkundige voorwacht",
    "location_without_gedragskundige_anw": "locaties zonder gedragskundige voorwacht in de ANW",
    "patient_without_regiebehandelaar": "cliënten zonder regiebehandelaar MGZ",
    "absence_without_replacement": "afwezigheden zonder vervanger",
    "absence_with_replacement": "afwezigheden met vervanger",
    "planned_location_without_arrangements": "geplande locaties zonder MGZ-afspraken",
}


class Row(SimpleNamespace):
    """One unsaved row: the model's field attnames as attributes.

    Django model instances cost tens of microseconds each to build; at two million rows
    that alone would take minutes, so rows are plain namespaces the writer reads directly.
    """


@cache
def _defaults(model: type[models.Model]) -> dict[str, object]:
    return {field.attname: field.get_default() for field in model._meta.concrete_fields}


class Batch:
    """Unsaved rows of one region (or of the national organisations), by model."""

    def __init__(self) -> None:
        # Model instances, except (left id, right id) pairs for the many-to-many tables.
        self.rows: dict[type[models.Model], list] = defaultdict(list)

    def counts(self) -> dict[str, int]:
        return {_label(model): len(self.rows[model]) for model in INSERT_ORDER}


def _label(model: type[models.Model]) -> str:
    return model._meta.label


class Context:
    """What the regions share: the seed, the reference day, key counters, planted codes."""

    def __init__(self, seed: int, today: date, first_ids: dict[type[models.Model], int]) -> None:
        self.seed = seed
        self.today = today
        self.next_id = {model: first_ids.get(model, 1) for model in KEYED_MODELS}
        self.bsn = synth.BsnSequence(random.Random(f"{seed}:bsn"))
        self.planted: dict[str, list[str]] = {kind: [] for kind in IMPERFECTION_KINDS}
        self.batch = Batch()
        self.national: dict[str, Row] = {}

    def new(self, model: type[models.Model], **fields: object) -> Row:
        pk = self.next_id[model]
        self.next_id[model] = pk + 1
        return self.add(model, id=pk, **fields)

    def add(self, model: type[models.Model], **fields: object) -> Row:
        """A row with the model's defaults for every field not given (the id included)."""
        values = dict(_defaults(model))
        values.update(fields)
        row = Row(**values)
        self.batch.rows[model].append(row)
        return row

    def link(self, model: type[models.Model], left: int, right: int) -> None:
        """A many-to-many row, kept as a plain (left id, right id) pair: there are many."""
        self.batch.rows[model].append((left, right))

    def take(self) -> Batch:
        batch, self.batch = self.batch, Batch()
        return batch


def build_national(ctx: Context) -> Batch:
    """Organisations that work across regions: zorgverzekeraars and the ANW AVG service."""
    rng = random.Random(f"{ctx.seed}:national")
    for number, name in enumerate(("Noord", "Oost", "Zuid", "West"), start=1):
        ctx.national[f"zv{number}"] = ctx.new(
            Organisation,
            code=f"NL-ZV{number}",
            name=f"Zorgverzekeraar {name} (demo)",
            kind=OrganisationKind.ZORGVERZEKERAAR,
            phone=synth.phone(rng, "UTR"),
        )
    ctx.national["avg_anw"] = ctx.new(
        Organisation,
        code="NL-AVG-ANW",
        name="AVG-bereikbaarheidsdienst Nederland",
        kind=OrganisationKind.SO_AVG_PRAKTIJK,
        phone=synth.phone(rng, "UTR"),
    )
    return ctx.take()
