"""Checks across cells, rows and sheets: duplicates, references and the models' invariants.

Each check reports at the cell a user has to change. The database constraints stay the
backstop; these checks exist so that every problem is reported at once, before anything is written.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from datetime import date

from django.core.exceptions import ValidationError
from django.db import models

from mgz.availability.constants import ScopeKind
from mgz.exchange.workbook.format import SHEET_BY_NAME, Sheet
from mgz.exchange.workbook.index import Index
from mgz.exchange.workbook.parse import Row
from mgz.exchange.workbook.problems import Problem
from mgz.registry import bsn_crypto
from mgz.registry.constants import CareTeamRole
from mgz.registry.models import CareTeamMember, Patient

Rows = dict[str, list[Row]]
LOOKUP_CHUNK = 2000

# (sheet, start column, end column, whether the end may equal the start)
PERIODS = (
    ("rollen", "vanaf", "tot_en_met", True),
    ("behandelteam", "vanaf", "tot_en_met", True),
    ("afspraken", "geldig_vanaf", "geldig_tot_en_met", True),
    ("afwezigheden", "vanaf", "tot", False),
)
SCOPE_NEEDS = {
    ScopeKind.LOCATIONS: ("locaties",),
    ScopeKind.ORGANISATION: ("voor_organisatie",),
    ScopeKind.PATIENT_GROUP: ("voor_sector", "voor_regio"),
    ScopeKind.REGION: ("voor_regio",),
    ScopeKind.SUBREGION: ("voor_subregio",),
    ScopeKind.PATIENTS: ("clienten",),
}


def check_all(rows: Rows, index: Index) -> list[Problem]:
    problems: list[Problem] = []
    for check in CHECKS:
        problems.extend(check(rows, index))
    return problems


def dmy(day: date | None) -> str:
    return day.strftime("%d-%m-%Y") if day else "onbepaalde tijd"


def check_duplicates(rows: Rows, index: Index) -> Iterator[Problem]:
    for name, sheet_rows in rows.items():
        sheet = SHEET_BY_NAME[name]
        first: dict[tuple, int] = {}
        for row in sheet_rows:
            if not row.usable(*sheet.key) or row.key[0] in ("", None):
                continue
            if row.key in first:
                what = (
                    f"code '{row.key[0]}'"
                    if sheet.has_code
                    else "rij (" + ", ".join(sheet.key) + ")"
                )
                yield row.problem(sheet.key[0], f"dubbele {what}: ook in rij {first[row.key]}")
            else:
                first[row.key] = row.number


def check_references(rows: Rows, index: Index) -> Iterator[Problem]:
    for name, sheet_rows in rows.items():
        refs = [c for c in SHEET_BY_NAME[name].columns if c.target]
        for row in sheet_rows:
            for column in refs:
                if not row.usable(column.header):
                    continue
                value = row.get(column.header)
                codes = value if column.kind == "refs" else [value] if value else []
                for code in codes:
                    message = _reference_error(column, code, index)
                    if message:
                        yield row.problem(column.header, message)


def _reference_error(column, code: str, index: Index) -> str | None:
    target = SHEET_BY_NAME[column.target]
    label = str(target.model._meta.verbose_name)
    attrs = index.get(target.name, code)
    if attrs is None:
        return f"onbekende {label} '{code}' (niet in tabblad '{target.name}' of de database)"
    for field_name, wanted in column.limit.items():
        actual = attrs.get(field_name)
        if actual != wanted:
            field = target.model._meta.get_field(field_name)
            wanted_label = dict(field.choices).get(wanted, wanted)
            return f"{label} '{code}' is geen {wanted_label} ({field.verbose_name} is '{actual}')"
    return None


def check_periods(rows: Rows, index: Index) -> Iterator[Problem]:
    for name, start, end, may_equal in PERIODS:
        for row in rows.get(name, []):
            if not row.usable(start, end) or row.get(end) is None or row.get(start) is None:
                continue
            first, last = row.get(start), row.get(end)
            if last < first or (last == first and not may_equal):
                word = "voor" if may_equal else "niet na"
                yield row.problem(end, f"'{end}' ligt {word} '{start}'")


def check_model_clean(rows: Rows, index: Index) -> Iterator[Problem]:
    """Run Model.clean() where a model defines one (a planned location needs an opening date)."""
    for name, sheet_rows in rows.items():
        sheet = SHEET_BY_NAME[name]
        if sheet.model.clean is models.Model.clean:
            continue
        scalar = [c for c in sheet.columns if c.field is not None and c.kind not in ("ref", "refs")]
        for row in sheet_rows:
            instance = sheet.model(**{c.field_name: row.get(c.header) for c in scalar})
            try:
                instance.clean()
            except ValidationError as error:
                yield from _clean_problems(sheet, row, error)


def _clean_problems(sheet: Sheet, row: Row, error: ValidationError) -> Iterator[Problem]:
    header_of = {c.field_name: c.header for c in sheet.columns}
    for field_name, messages in error.message_dict.items():
        header = header_of.get(field_name)
        for message in messages:
            yield row.problem(header, message)


def check_subregion_in_region(rows: Rows, index: Index) -> Iterator[Problem]:
    for row in rows.get("locaties", []):
        if not row.usable("regio", "subregio") or not row.get("subregio"):
            continue
        attrs = index.get("subregios", row.get("subregio"))
        if attrs and attrs.get("region") != row.get("regio"):
            yield row.problem(
                "subregio",
                f"subregio '{row.get('subregio')}' hoort bij regio '{attrs.get('region')}', "
                f"niet bij '{row.get('regio')}'",
            )


def check_residence(rows: Rows, index: Index) -> Iterator[Problem]:
    for row in rows.get("clienten", []):
        if "woonlocatie" not in row.values and "postcode_thuis" not in row.values:
            continue
        if row.bad & {"woonlocatie", "postcode_thuis"}:
            continue
        if not row.get("woonlocatie") and not row.get("postcode_thuis"):
            header = "woonlocatie" if "woonlocatie" in row.letters else "postcode_thuis"
            yield row.problem(
                header, "cliënt heeft geen woonlocatie en geen postcode thuis; vul één van beide in"
            )


def check_bsn_unique(rows: Rows, index: Index) -> Iterator[Problem]:
    patients = [r for r in rows.get("clienten", []) if r.usable("bsn", "code")]
    first: dict[str, int] = {}
    by_hash: dict[str, Row] = {}
    for row in patients:
        bsn = row.get("bsn")
        if bsn in first:
            yield row.problem("bsn", f"BSN staat ook in rij {first[bsn]}")
            continue
        first[bsn] = row.number
        by_hash[bsn_crypto.search_key(bsn)] = row
    hashes = list(by_hash)
    for i in range(0, len(hashes), LOOKUP_CHUNK):
        chunk = hashes[i : i + LOOKUP_CHUNK]
        for key, code in Patient.objects.filter(bsn_hash__in=chunk).values_list("bsn_hash", "code"):
            row = by_hash[key]
            if code != row.get("code"):
                yield row.problem("bsn", f"dit BSN hoort al bij cliënt '{code}' in de database")


def check_one_regiebehandelaar(rows: Rows, index: Index) -> Iterator[Problem]:
    """At most one regiebehandelaar per patient per day, across the workbook and the database."""
    regie = CareTeamRole.REGIEBEHANDELAAR.value
    periods: dict[str, list[tuple[date, date, Row | None, str]]] = defaultdict(list)
    keys = set()
    for row in rows.get("behandelteam", []):
        usable = row.usable("client", "zorgverlener", "vanaf") and "tot_en_met" not in row.bad
        if row.get("rol") != regie or not usable or row.key in keys:
            continue
        keys.add(row.key)
        end = row.get("tot_en_met") or date.max
        periods[row.get("client")].append((row.get("vanaf"), end, row, row.get("zorgverlener")))
    existing = CareTeamMember.objects.filter(role=regie).values_list(
        "patient__code", "professional__code", "start", "end"
    )
    for patient, professional, start, end in existing.iterator(chunk_size=5000):
        if (patient, professional, regie, start) not in keys:
            periods[patient].append((start, end or date.max, None, professional))
    for patient, spans in periods.items():
        if len(spans) < 2:
            continue
        spans.sort(key=lambda span: (span[0], span[2] is not None))
        latest = spans[0]
        for span in spans[1:]:
            if span[0] <= latest[1]:
                yield _overlap(patient, span, latest)
            if span[1] > latest[1]:
                latest = span


def _overlap(patient: str, span: tuple, other: tuple) -> Problem:
    here, there = (span, other) if span[2] is not None else (other, span)
    where = f"rij {there[2].number}" if there[2] is not None else "de database"
    until = dmy(None if there[1] == date.max else there[1])
    return here[2].problem(
        "vanaf",
        f"cliënt '{patient}' heeft dan al regiebehandelaar '{there[3]}' "
        f"({dmy(there[0])} tot en met {until}, {where}); er is één regiebehandelaar tegelijk",
    )


def check_arrangement_provider_and_scope(rows: Rows, index: Index) -> Iterator[Problem]:
    for row in rows.get("afspraken", []):
        if not (row.get("zorgverlener") or row.get("dienst_van")) and not (
            row.bad & {"zorgverlener", "dienst_van"}
        ):
            header = "zorgverlener" if "zorgverlener" in row.letters else "dienst_van"
            yield row.problem(header, "vul 'zorgverlener' of 'dienst_van' in")
        kind = row.get("bereik")
        if not row.usable("bereik") or kind not in SCOPE_NEEDS:
            continue
        for header in SCOPE_NEEDS[kind]:
            if header in row.bad or row.get(header):
                continue
            target = header if header in row.letters else "bereik"
            yield row.problem(target, f"bij bereik '{kind}' is '{header}' verplicht")


def check_absence_replacement(rows: Rows, index: Index) -> Iterator[Problem]:
    for row in rows.get("afwezigheden", []):
        if row.get("vervanger") and row.get("vervanger") == row.get("zorgverlener"):
            yield row.problem("vervanger", "de vervanger is de afwezige zorgverlener zelf")


CHECKS = (
    check_duplicates,
    check_references,
    check_periods,
    check_model_clean,
    check_subregion_in_region,
    check_residence,
    check_bsn_unique,
    check_one_regiebehandelaar,
    check_arrangement_provider_and_scope,
    check_absence_replacement,
)
