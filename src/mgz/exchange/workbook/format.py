"""The workbook format: one table of sheets and columns that drives everything else.

A column names a model field; its kind (text, date, reference …), whether it is required and
its allowed codes follow from that field, so the workbook cannot drift from the models.
References between sheets use `code` values; a sheet without a code column is identified by
its `key` columns (e.g. a role by zorgverlener, organisatie and functie).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, time
from functools import cached_property

from django.db import models

from mgz.availability.models import Absence, Arrangement
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

KINDS = ("text", "int", "float", "bool", "date", "time", "datetime", "choice", "ref", "refs", "bsn")


@dataclass(frozen=True)
class Column:
    header: str
    field_name: str
    example: object = None
    note: str = ""
    required: bool | None = None  # None: follows the model field
    sheet: Sheet | None = field(default=None, compare=False, repr=False)

    @cached_property
    def field(self) -> models.Field | None:
        """The model field, or None for columns that are no plain field (the BSN)."""
        if self.field_name == "bsn":
            return None
        return self.sheet.model._meta.get_field(self.field_name)

    @cached_property
    def kind(self) -> str:
        f = self.field
        if f is None:
            return "bsn"
        if isinstance(f, models.ManyToManyField):
            return "refs"
        if isinstance(f, models.ForeignKey):
            return "ref"
        if f.choices:
            return "choice"
        for model_field, kind in _FIELD_KINDS:
            if isinstance(f, model_field):
                return kind
        return "text"

    @cached_property
    def is_required(self) -> bool:
        if self.required is not None:
            return self.required
        f = self.field
        return not (f.blank or f.null or f.has_default())

    @cached_property
    def choices(self) -> tuple[str, ...]:
        return tuple(str(code) for code, _ in self.field.choices) if self.kind == "choice" else ()

    @cached_property
    def choice_by_lower(self) -> dict[str, str]:
        return {code.lower(): code for code in self.choices}

    @cached_property
    def target(self) -> str | None:
        """The sheet a reference column points to."""
        if self.kind not in ("ref", "refs"):
            return None
        return SHEET_OF_MODEL[self.field.related_model]

    @cached_property
    def limit(self) -> dict[str, str]:
        """Conditions on the referenced row, from the field's limit_choices_to (a HAP, a practice)."""
        if self.kind != "ref":
            return {}
        limit = self.field.remote_field.limit_choices_to or {}
        return {key: str(value) for key, value in limit.items()} if isinstance(limit, dict) else {}

    def empty_value(self) -> object:
        """What an empty cell means: the model default, else None/''/[]."""
        if self.kind == "refs":
            return []
        f = self.field
        if f is None:
            return ""
        if f.has_default():
            return f.to_python(f.get_default())
        return None if f.null or self.kind in ("ref", "date", "datetime", "time") else ""

    @property
    def description(self) -> str:
        base = "BSN (11-proef); wordt versleuteld opgeslagen" if self.field is None else ""
        base = base or str(self.field.verbose_name)
        return f"{base}; {self.note}" if self.note else base


@dataclass(frozen=True)
class Sheet:
    name: str
    model: type[models.Model]
    columns: tuple[Column, ...]
    key: tuple[str, ...] = ("code",)
    note: str = ""

    def __post_init__(self) -> None:
        for column in self.columns:
            object.__setattr__(column, "sheet", self)

    @cached_property
    def by_header(self) -> dict[str, Column]:
        return {column.header: column for column in self.columns}

    @property
    def has_code(self) -> bool:
        return self.key == ("code",)


_FIELD_KINDS = (
    (models.BooleanField, "bool"),
    (models.DateTimeField, "datetime"),  # before DateField: it is a subclass
    (models.DateField, "date"),
    (models.TimeField, "time"),
    (models.IntegerField, "int"),
    (models.FloatField, "float"),
)

C = Column
PATTERN_EXAMPLE = "ma-vr 17:00-08:00; za-zo 00:00-24:00; fd 00:00-24:00"

SHEETS: tuple[Sheet, ...] = (
    Sheet(
        "regios",
        Region,
        (
            C("code", "code", "REG-01"),
            C("naam", "name", "Utrecht"),
            C("anw_begin", "anw_weekday_start", time(17, 0), "leeg: 17:00"),
            C("anw_einde", "anw_weekday_end", time(8, 0), "leeg: 08:00"),
        ),
        note="Zorgkantoorregio's.",
    ),
    Sheet(
        "subregios",
        Subregion,
        (
            C("code", "code", "SUB-01"),
            C("regio", "region", "REG-01"),
            C("naam", "name", "Utrecht-West"),
        ),
    ),
    Sheet(
        "organisaties",
        Organisation,
        (
            C("code", "code", "ORG-001"),
            C("naam", "name", "Zorggroep De Linde"),
            C("soort", "kind", "zorgaanbieder_vv"),
            C("regio", "region", "REG-01"),
            C("agb", "agb", "12345678"),
            C("ura", "ura", ""),
            C("kvk", "kvk", "87654321"),
            C("gecontracteerd", "contracted", True, "leeg: ja"),
            C("alleen_pgb", "pgb_only", False, "leeg: nee"),
            C("telefoon", "phone", "030-1234567"),
        ),
    ),
    Sheet(
        "locaties",
        Location,
        (
            C("code", "code", "LOC-001"),
            C("organisatie", "organisation", "ORG-001"),
            C("naam", "name", "De Linde, hoofdlocatie"),
            C("regio", "region", "REG-01"),
            C("subregio", "subregion", "SUB-01", "hoort bij de regio van de locatie"),
            C("straat", "street", "Lindelaan 1"),
            C("postcode", "postcode", "3581 AB", "1234 AB"),
            C("plaats", "city", "Utrecht"),
            C("breedtegraad", "latitude", 52.0907),
            C("lengtegraad", "longitude", 5.1214),
            C("soort", "kind", "verpleeghuis"),
            C("behandelmodel", "treatment_model", "met_behandeling"),
            C("capaciteit", "capacity", 60, "leeg: 0"),
            C(
                "status",
                "status",
                "open",
                "leeg: open; bij 'gepland' is een geplande opening nodig",
            ),
            C("geplande_opening", "planned_opening", None),
            C("hap", "hap", "", "code van een organisatie van soort 'hap'"),
            C("kwaliteitskader", "quality_standard", "Kwaliteitskader Verpleeghuiszorg"),
            C("kwaliteitskader_datum", "quality_standard_date", date(2024, 1, 1)),
            C("protocol_infectiepreventie", "protocol_infection_date", date(2024, 3, 1)),
            C("protocol_wzd", "protocol_wzd_date", date(2024, 3, 1)),
            C("protocol_overig", "protocol_other_date", None),
        ),
    ),
    Sheet(
        "zorgverleners",
        Professional,
        (
            C("code", "code", "ZV-001"),
            C("voorletters", "initials", "A.B."),
            C("achternaam", "family_name", "Jansen"),
            C("discipline", "discipline", "so"),
            C("big", "big", "12345678901"),
            C("agb", "agb", "01234567"),
            C("uzi", "uzi", ""),
            C("telefoon", "phone", "06-12345678"),
        ),
    ),
    Sheet(
        "rollen",
        ProfessionalRole,
        (
            C("zorgverlener", "professional", "ZV-001"),
            C("organisatie", "organisation", "ORG-001"),
            C("functie", "title", "specialist ouderengeneeskunde"),
            C("telefoon", "phone", "030-1234568"),
            C("vanaf", "start", date(2025, 1, 1)),
            C("tot_en_met", "end", None),
        ),
        key=("zorgverlener", "organisatie", "functie"),
        note="Rollen van zorgverleners bij organisaties; één rij per zorgverlener, organisatie en functie.",
    ),
    Sheet(
        "clienten",
        Patient,
        (
            C("code", "code", "CL-0001"),
            C("bsn", "bsn", "999999990", required=True),
            C("voornaam", "given_name", "Maria"),
            C("achternaam", "family_name", "de Vries"),
            C("geboortedatum", "birth_date", date(1938, 5, 17)),
            C("zorgprofiel", "zorgprofiel", "VV05"),
            C("verstandelijke_beperking", "verstandelijke_beperking", False, "leeg: nee"),
            C("leveringsvorm", "leveringsvorm", "verblijf"),
            C("behandeling_ingekocht", "behandeling_ingekocht", True, "leeg: nee"),
            C("regio", "region", "REG-01"),
            C("woonlocatie", "location", "LOC-001", "woonlocatie of postcode thuis is verplicht"),
            C("postcode_thuis", "home_postcode", ""),
            C(
                "ion_praktijk",
                "ion_practice",
                "",
                "code van een organisatie van soort 'huisartsenpraktijk'",
            ),
            C("ion_andere_huisarts", "ion_chose_other", False, "leeg: nee"),
            C("coordinator", "coordinator", "ZV-001"),
            C("begeleider", "companion_name", ""),
            C("begeleider_telefoon", "companion_phone", ""),
        ),
        note="Wlz-cliënten. Het BSN staat leesbaar in de werkmap: behandel het bestand als medisch gegeven.",
    ),
    Sheet(
        "contactpersonen",
        ContactPerson,
        (
            C("client", "patient", "CL-0001"),
            C("naam", "name", "Peter de Vries"),
            C("relatie", "relation", "zoon"),
            C("telefoon", "phone", "06-87654321"),
            C("eerste_contactpersoon", "is_first_contact", True, "leeg: nee"),
        ),
        key=("client", "naam"),
    ),
    Sheet(
        "behandelteam",
        CareTeamMember,
        (
            C("client", "patient", "CL-0001"),
            C("zorgverlener", "professional", "ZV-001"),
            C(
                "rol",
                "role",
                "regiebehandelaar",
                "per cliënt hoogstens één regiebehandelaar tegelijk",
            ),
            C("vanaf", "start", date(2025, 1, 1)),
            C("tot_en_met", "end", None, "leeg: voor onbepaalde tijd"),
        ),
        key=("client", "zorgverlener", "rol", "vanaf"),
    ),
    Sheet(
        "afspraken",
        Arrangement,
        (
            C("code", "code", "AFS-001"),
            C("functie", "function", "so_zorg"),
            C("wijze", "mode", "beschikbaar"),
            C("zorgverlener", "professional", "ZV-001", "zorgverlener of dienst_van is verplicht"),
            C("dienst_van", "provider_organisation", ""),
            C("bereik", "scope_kind", "locaties"),
            C("locaties", "locations", ["LOC-001"], "codes gescheiden door ';' (bereik locaties)"),
            C("clienten", "patients", [], "codes gescheiden door ';' (bereik patienten)"),
            C("voor_organisatie", "scope_organisation", "", "bij bereik organisatie"),
            C("voor_regio", "scope_region", "", "bij bereik regio en patientgroep"),
            C("voor_subregio", "scope_subregion", "", "bij bereik subregio"),
            C("voor_sector", "scope_sector", "", "bij bereik patientgroep"),
            C("uren", "pattern", PATTERN_EXAMPLE, "weekpatroon, zie hieronder"),
            C("geldig_vanaf", "valid_from", date(2026, 1, 1)),
            C("geldig_tot_en_met", "valid_to", None),
            C("telefoon", "phone", "030-1234569"),
            C("toelichting", "note", ""),
        ),
        note="Beschikbaarheidsafspraken.",
    ),
    Sheet(
        "afwezigheden",
        Absence,
        (
            C("zorgverlener", "professional", "ZV-001"),
            C("soort", "kind", "vakantie"),
            C("vanaf", "start", datetime(2026, 7, 1, 8, 0), "datum en tijd (Nederlandse tijd)"),
            C("tot", "end", datetime(2026, 7, 15, 8, 0), "datum en tijd, na 'vanaf'"),
            C("vervanger", "replacement", ""),
            C("telefoon_vervanger", "replacement_phone", ""),
        ),
        key=("zorgverlener", "vanaf"),
    ),
)

SHEET_BY_NAME: dict[str, Sheet] = {sheet.name: sheet for sheet in SHEETS}
SHEET_OF_MODEL: dict[type[models.Model], str] = {sheet.model: sheet.name for sheet in SHEETS}
