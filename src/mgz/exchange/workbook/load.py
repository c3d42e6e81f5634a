"""Writing a validated workbook: update-or-create by key, in batches, in one transaction.

Rows are matched on their key (the code, or the key columns of a sheet without a code), so a
re-import changes nothing. Columns absent from a sheet leave existing values alone. An import
adds and updates; it never deletes.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db import models, transaction

from mgz.exchange.workbook.format import SHEETS, Column, Sheet
from mgz.exchange.workbook.parse import Row
from mgz.exchange.workbook.validate import ValidWorkbook
from mgz.registry import bsn_crypto
from mgz.registry.constants import sector_of
from mgz.registry.models import Patient

BATCH = 1000
CHUNK = 5000


@dataclass
class SheetCount:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    patient_ids: set[int] = field(default_factory=set, repr=False)  # patients whose data changed

    def __str__(self) -> str:
        return f"{self.created} nieuw, {self.updated} gewijzigd, {self.unchanged} ongewijzigd"


class PrimaryKeys:
    """code -> primary key per sheet, loaded on first use and refreshed after each sheet."""

    def __init__(self) -> None:
        self._maps: dict[str, dict[str, int]] = {}

    def of(self, sheet: str) -> dict[str, int]:
        if sheet not in self._maps:
            self.refresh(sheet)
        return self._maps[sheet]

    def refresh(self, sheet: str) -> None:
        model = next(s.model for s in SHEETS if s.name == sheet)
        self._maps[sheet] = dict(model.objects.values_list("code", "pk").iterator(chunk_size=5000))


def load(valid: ValidWorkbook) -> dict[str, SheetCount]:
    counts: dict[str, SheetCount] = {}
    pks = PrimaryKeys()
    with transaction.atomic():
        for sheet in SHEETS:
            if sheet.name in valid.rows:
                present = [c for c in sheet.columns if c.header in valid.present[sheet.name]]
                counts[sheet.name] = _load_sheet(sheet, valid.rows[sheet.name], present, pks)
    return counts


def _attname(column: Column) -> str:
    return column.field.attname if column.field is not None else column.field_name


def _field_values(row: Row, columns: list[Column], pks: PrimaryKeys) -> dict[str, object]:
    values = {}
    for column in columns:
        value = row.get(column.header)
        if column.kind == "ref":
            value = pks.of(column.target)[value] if value else None
        values[_attname(column)] = value
    return values


def _load_sheet(
    sheet: Sheet, rows: list[Row], present: list[Column], pks: PrimaryKeys
) -> SheetCount:
    """Rows in chunks, so memory stays flat however large the sheet (keys are unique per sheet)."""
    count = SheetCount()
    for i in range(0, len(rows), CHUNK):
        _load_chunk(sheet, rows[i : i + CHUNK], present, pks, count)
    if sheet.has_code:
        pks.refresh(sheet.name)
    return count


def _load_chunk(
    sheet: Sheet, rows: list[Row], present: list[Column], pks: PrimaryKeys, count: SheetCount
) -> None:
    plain = [c for c in present if c.kind not in ("refs", "bsn")]
    key_columns = [sheet.by_header[h] for h in sheet.key]
    existing = _existing(sheet, rows, key_columns, pks)
    to_create, to_update, changed_fields = [], [], set()
    touched: dict[int, models.Model] = {}  # row number -> instance, for many-to-many columns
    for row in rows:
        values = _field_values(row, plain, pks)
        key = tuple(values[_attname(c)] for c in key_columns)
        instance = existing.get(key)
        if instance is None:
            instance = sheet.model(**values)
            _set_derived(instance, row)
            to_create.append(instance)
        else:
            changed = {name for name, value in values.items() if getattr(instance, name) != value}
            for name in changed:
                setattr(instance, name, values[name])
            changed |= _set_derived(instance, row)
            if changed:
                to_update.append(instance)
                changed_fields |= changed
        touched[row.number] = instance
    sheet.model.objects.bulk_create(to_create, batch_size=BATCH)
    if to_update:
        sheet.model.objects.bulk_update(to_update, sorted(changed_fields), batch_size=BATCH)
    written = {id(i) for i in (*to_create, *to_update)}
    relinked = {id(i) for i in _load_many_to_many(sheet, rows, present, touched, pks)}
    count.created += len(to_create)
    count.updated += len(to_update) + len(relinked - written)
    count.unchanged += len(rows) - len(written | relinked)
    count.patient_ids |= {_patient_id(i) for i in (*to_create, *to_update)} - {None}


def _patient_id(instance: models.Model) -> int | None:
    """The patient a row belongs to: the patient itself, or a contact's or care team's patient."""
    return instance.pk if isinstance(instance, Patient) else getattr(instance, "patient_id", None)


def _existing(sheet: Sheet, rows: list[Row], key_columns: list[Column], pks: PrimaryKeys) -> dict:
    """Existing instances by key, fetched by the first key column in chunks."""
    first = key_columns[0]
    wanted = {row.get(first.header) for row in rows if row.get(first.header)}
    if first.kind == "ref":
        target = pks.of(first.target)
        wanted = {target[code] for code in wanted if code in target}
    wanted = sorted(wanted)
    found = {}
    for i in range(0, len(wanted), BATCH):
        lookup = {f"{_attname(first)}__in": wanted[i : i + BATCH]}
        for instance in sheet.model.objects.filter(**lookup):
            found[tuple(getattr(instance, _attname(c)) for c in key_columns)] = instance
    return found


def _set_derived(instance: models.Model, row: Row) -> set[str]:
    """The encrypted BSN and the sector of a patient; the names of the fields that changed."""
    if not isinstance(instance, Patient):
        return set()
    changed = set()
    bsn = row.get("bsn")
    if bsn and instance.bsn_hash != bsn_crypto.search_key(bsn):
        instance.set_bsn(bsn)
        changed |= {"bsn_encrypted", "bsn_hash"}
    sector = sector_of(instance.zorgprofiel) or ""
    if instance.sector != sector:
        instance.sector = sector
        changed.add("sector")
    return changed


def _load_many_to_many(sheet, rows, present, touched, pks) -> list[models.Model]:
    """Make each many-to-many column hold exactly the listed codes; the instances changed."""
    changed: list[models.Model] = []
    for column in (c for c in present if c.kind == "refs"):
        through = column.field.remote_field.through
        source = f"{column.field.m2m_field_name()}_id"
        target_field = f"{column.field.m2m_reverse_field_name()}_id"
        targets = pks.of(column.target)
        owners = {touched[row.number].pk: row for row in rows}
        wanted = {
            (owner, targets[code])
            for owner, row in owners.items()
            for code in row.get(column.header)
        }
        have: dict[tuple[int, int], int] = {}
        ids = sorted(owners)
        for i in range(0, len(ids), BATCH):
            links = through.objects.filter(**{f"{source}__in": ids[i : i + BATCH]})
            for pk, owner, target in links.values_list("pk", source, target_field):
                have[(owner, target)] = pk
        stale = [pk for pair, pk in have.items() if pair not in wanted]
        for i in range(0, len(stale), BATCH):
            through.objects.filter(pk__in=stale[i : i + BATCH]).delete()
        added = [pair for pair in wanted if pair not in have]
        new = [through(**{source: o, target_field: t}) for o, t in added]
        through.objects.bulk_create(new, batch_size=BATCH)
        dirty = {o for o, _ in added} | {pair[0] for pair in have if pair not in wanted}
        changed += [touched[owners[o].number] for o in dirty]
    return changed
