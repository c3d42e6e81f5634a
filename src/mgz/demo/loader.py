"""Writes the synthetic Netherlands into the database, region by region, with bulk inserts.

Why this shape: 360,000 clients with their care teams, contacts and arrangements are about
two million rows. One `bulk_create` per model per region, inside one transaction per region,
keeps the load within minutes on SQLite and PostgreSQL, and memory to one region at a time.
Primary keys are assigned by the generator, so the PostgreSQL sequences are reset afterwards.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date
from operator import attrgetter

from django.core.management.color import no_style
from django.db import connection, models, transaction
from django.db.models import DateField, Max, TimeField
from django.test.utils import override_settings
from tqdm import tqdm

from mgz.demo import reference as ref
from mgz.demo.generator import (
    IMPERFECTION_KINDS,
    INSERT_ORDER,
    KEYED_MODELS,
    Batch,
    Context,
    RegionBuilder,
    build_national,
)
from mgz.registry.models import Patient

SCALES = ("tiny", "region", "national")
TINY_PATIENTS = 60
BATCH_SIZE = 5000
DATE_TIME_FIELDS = (DateField, TimeField)  # DateTimeField is a DateField


@dataclass
class Summary:
    """What was generated: row counts per model and the codes of planted imperfections."""

    scale: str
    seed: int
    regions: list[str] = field(default_factory=list)
    rows: dict[str, int] = field(default_factory=dict)
    planted: dict[str, list[str]] = field(default_factory=dict)
    seconds: float = 0.0

    def add(self, batch: Batch) -> None:
        for label, count in batch.counts().items():
            self.rows[label] = self.rows.get(label, 0) + count


def region_plan(scale: str) -> list[tuple[ref.RegionSpec, int, bool]]:
    """The regions of a scale, each with its number of clients and whether it is shrunk."""
    by_code = {spec.code: spec for spec in ref.REGIONS}
    if scale == "tiny":
        return [(by_code[ref.DEFAULT_REGION], TINY_PATIENTS, True)]
    if scale == "region":
        spec = by_code[ref.DEFAULT_REGION]
        return [(spec, round(ref.WLZ_CLIENTS * ref.region_share(spec)), False)]
    if scale == "national":
        return [
            (spec, round(ref.WLZ_CLIENTS * ref.region_share(spec)), False) for spec in ref.REGIONS
        ]
    raise ValueError(f"onbekende schaal '{scale}' (kies uit {', '.join(SCALES)})")


def iter_batches(
    scale: str, seed: int, today: date, *, first_ids: dict | None = None
) -> Iterator[tuple[ref.RegionSpec | None, Batch, Context]]:
    """Build the data set as batches (national organisations first), without the database."""
    ctx = Context(seed, today, first_ids or {})
    yield None, build_national(ctx), ctx
    for spec, n_patients, tiny in region_plan(scale):
        yield spec, RegionBuilder(ctx, spec, n_patients, tiny=tiny).build(), ctx


def generate(
    scale: str, seed: int, *, today: date | None = None, progress: bool = False
) -> Summary:
    """Generate and write one scale; returns counts and planted imperfections."""
    started = time.perf_counter()
    today = today or date.today()
    summary = Summary(scale=scale, seed=seed)
    plan = region_plan(scale)
    bar = tqdm(
        total=sum(n for _, n, _ in plan),
        unit=" cliënten",
        file=sys.stderr,
        disable=not progress,
        desc="Synthetisch Nederland",
    )
    contexts: list[Context] = []
    with bar, _bulk_load():
        for spec, batch, ctx in iter_batches(scale, seed, today, first_ids=_first_ids()):
            contexts[:] = [ctx]
            with transaction.atomic():
                write(batch)
            summary.add(batch)
            if spec is not None:
                summary.regions.append(spec.code)
                bar.set_postfix_str(spec.name)
                bar.update(len(batch.rows[Patient]))
    reset_sequences()
    summary.planted = {kind: contexts[0].planted[kind] for kind in IMPERFECTION_KINDS}
    summary.seconds = time.perf_counter() - started
    return summary


def write(batch: Batch) -> None:
    """Insert a batch: COPY on PostgreSQL, executemany on SQLite.

    Django's bulk_create spends most of its time preparing each field of each row; here the
    values go to the driver as they are, and only date/time fields are converted (on SQLite,
    the way Django stores them). Model validation is not run: the generator builds valid rows.
    """
    for model in INSERT_ORDER:
        rows = batch.rows.get(model)
        if rows:
            _insert(model, rows)


def _insert(model: type[models.Model], rows: list) -> None:
    keyed = model in KEYED_MODELS
    fields = [f for f in model._meta.concrete_fields if keyed or not f.primary_key]
    quote = connection.ops.quote_name
    table = quote(model._meta.db_table)
    columns = ", ".join(quote(f.column) for f in fields)
    if keyed:
        values = attrgetter(*(f.attname for f in fields))
        tuples = [values(obj) for obj in rows]
    else:
        tuples = rows
    if connection.vendor == "postgresql":
        with (
            connection.cursor() as cursor,
            cursor.cursor.copy(f"COPY {table} ({columns}) FROM STDIN") as copy,
        ):
            for row in tuples:
                copy.write_row(row)
        return
    temporal = [i for i, f in enumerate(fields) if isinstance(f, DATE_TIME_FIELDS)]
    if temporal:
        prepared = []
        for row in tuples:
            row = list(row)
            for i in temporal:
                row[i] = fields[i].get_db_prep_save(row[i], connection)
            prepared.append(row)
        tuples = prepared
    marks = ", ".join(["%s"] * len(fields))
    sql = f"INSERT INTO {table} ({columns}) VALUES ({marks})"
    with connection.cursor() as cursor:
        for start in range(0, len(tuples), BATCH_SIZE):
            cursor.executemany(sql, tuples[start : start + BATCH_SIZE])


@contextmanager
def _bulk_load() -> Iterator[None]:
    """Settings for a big load: no query log, and a larger SQLite page cache.

    With DEBUG on (`make run`), Django would keep the SQL of every insert in memory; the
    unique indexes on codes and BSN hashes are filled in random order, which a 2 MB SQLite
    cache turns into disk reads.
    """
    with override_settings(DEBUG=False):
        if connection.vendor == "sqlite":
            with connection.cursor() as cursor:
                cursor.execute("PRAGMA cache_size = -262144")
        yield


def _first_ids() -> dict[type[models.Model], int]:
    return {
        model: (model.objects.aggregate(top=Max("id"))["top"] or 0) + 1 for model in KEYED_MODELS
    }


def reset_sequences() -> None:
    """After explicit keys, move PostgreSQL's sequences past them (SQLite needs nothing)."""
    statements = connection.ops.sequence_reset_sql(no_style(), list(KEYED_MODELS))
    if statements:
        with connection.cursor() as cursor:
            for statement in statements:
                cursor.execute(statement)
