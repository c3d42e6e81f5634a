"""A small but complete data set for the workbook tests: every model, every column filled once.

`test_roundtrip.py` asserts that every workbook column has a value somewhere in this world,
so a field added to the format without a fixture value fails loudly.
"""

from __future__ import annotations

import csv
from datetime import date, datetime, time
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from django.db import connection
from openpyxl import Workbook, load_workbook

from mgz.availability.models import Absence, Arrangement
from mgz.exchange.workbook.format import SHEETS
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

AMS = ZoneInfo("Europe/Amsterdam")
MODELS = [sheet.model for sheet in SHEETS]
Table = dict[str, list[list[str]]]


def counts() -> dict[str, int]:
    """Row counts of every model the workbook touches, including the many-to-many tables."""
    result = {model.__name__: model.objects.count() for model in MODELS}
    result["Arrangement.locations"] = Arrangement.locations.through.objects.count()
    result["Arrangement.patients"] = Arrangement.patients.through.objects.count()
    return result


def empty_database() -> None:
    """Delete every workbook row with plain SQL, so other apps' relations play no part."""
    tables = [Arrangement.locations.through, Arrangement.patients.through, *reversed(MODELS)]
    with connection.cursor() as cursor:
        for model in tables:
            cursor.execute(f"DELETE FROM {connection.ops.quote_name(model._meta.db_table)}")


def read_table(path: Path) -> Table:
    """A workbook or CSV folder as text rows per sheet (headers first), to compare or edit."""
    if path.suffix == ".xlsx":
        book = load_workbook(path)
        return {
            ws.title: [[_text(v) for v in row] for row in ws.iter_rows(values_only=True)]
            for ws in book.worksheets
        }
    table = {}
    for file in sorted(path.glob("*.csv")):
        with file.open(encoding="utf-8-sig", newline="") as handle:
            table[file.stem] = [list(row) for row in csv.reader(handle, delimiter=";")]
    return table


def write_table(path: Path, table: Table) -> None:
    """Text rows as an XLSX (all cells text) or as a CSV folder."""
    if path.suffix == ".xlsx":
        book = Workbook()
        book.remove(book.active)
        for name, rows in table.items():
            ws = book.create_sheet(name)
            for row in rows:
                ws.append([value if value != "" else None for value in row])
        book.save(path)
        return
    path.mkdir(parents=True, exist_ok=True)
    for name, rows in table.items():
        with (path / f"{name}.csv").open("w", encoding="utf-8", newline="") as handle:
            csv.writer(handle, delimiter=";").writerows(rows)


def _text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        return (
            value.strftime("%Y-%m-%d %H:%M")
            if value.time() != time(0)
            else value.date().isoformat()
        )
    if isinstance(value, time):
        return value.strftime("%H:%M")
    return str(value)


@pytest.fixture
def world(db) -> dict[str, object]:
    reg_a = Region.objects.create(
        code="REG-A", name="Regio A", anw_weekday_start=time(18, 0), anw_weekday_end=time(7, 30)
    )
    reg_b = Region.objects.create(code="REG-B", name="Regio B")
    sub = Subregion.objects.create(code="SUB-A1", region=reg_a, name="Subregio A1")
    sub_b = Subregion.objects.create(code="SUB-B1", region=reg_b, name="Subregio B1")
    org_vv = Organisation.objects.create(
        code="ORG-VV",
        name="Zorggroep Linde",
        kind="zorgaanbieder_vv",
        region=reg_a,
        agb="12345678",
        ura="23456789",
        kvk="34567890",
        contracted=True,
        pgb_only=False,
        phone="030-1234567",
    )
    org_ha = Organisation.objects.create(
        code="ORG-HA", name="Huisartsenpraktijk Dorp", kind="huisartsenpraktijk", region=reg_a
    )
    org_hap = Organisation.objects.create(
        code="ORG-HAP", name="HAP Stad", kind="hap", region=reg_a, phone="088-1234567"
    )
    Organisation.objects.create(
        code="ORG-PGB",
        name="Wooninitiatief Zon",
        kind="zorgaanbieder_ghz",
        contracted=False,
        pgb_only=True,
    )
    loc_1 = Location.objects.create(
        code="LOC-1",
        organisation=org_vv,
        name="De Linde",
        region=reg_a,
        subregion=sub,
        street="Lindelaan 1",
        postcode="3581 AB",
        city="Utrecht",
        latitude=52.0907,
        longitude=5.1214,
        kind="verpleeghuis",
        treatment_model="met_behandeling",
        capacity=80,
        status="open",
        hap=org_hap,
        quality_standard="Kwaliteitskader Verpleeghuiszorg",
        quality_standard_date=date(2023, 1, 1),
        protocol_infection_date=date(2023, 2, 1),
        protocol_wzd_date=date(2023, 3, 1),
        protocol_other_date=date(2023, 4, 1),
    )
    loc_2 = Location.objects.create(
        code="LOC-2",
        organisation=org_vv,
        name="De Linde, nieuwbouw",
        region=reg_b,
        subregion=sub_b,
        postcode="3582CD",
        kind="kleinschalig_wonen",
        treatment_model="zonder_behandeling",
        status="gepland",
        planned_opening=date(2027, 1, 1),
    )
    so = Professional.objects.create(
        code="ZV-SO",
        initials="A.",
        family_name="Arts",
        discipline="so",
        big="12345678901",
        agb="01234567",
        uzi="123456",
        phone="06-12345678",
    )
    ha = Professional.objects.create(code="ZV-HA", family_name="Huisman", discipline="huisarts")
    avg = Professional.objects.create(code="ZV-AVG", family_name="Verstand", discipline="avg")
    vpk = Professional.objects.create(
        code="ZV-VPK", family_name="Zorg", discipline="verpleegkundige"
    )
    ProfessionalRole.objects.create(
        professional=so,
        organisation=org_vv,
        title="specialist ouderengeneeskunde",
        phone="030-7654321",
        start=date(2020, 1, 1),
        end=date(2030, 12, 31),
    )
    ProfessionalRole.objects.create(professional=ha, organisation=org_ha)
    p1 = Patient(
        code="CL-1",
        given_name="Maria",
        family_name="de Vries",
        birth_date=date(1938, 5, 17),
        zorgprofiel="VV05",
        verstandelijke_beperking=False,
        leveringsvorm="verblijf",
        behandeling_ingekocht=True,
        region=reg_a,
        location=loc_1,
        home_postcode="1234 AB",
        ion_practice=org_ha,
        ion_chose_other=True,
        coordinator=vpk,
        companion_name="Jan de Vries",
        companion_phone="06-11112222",
    )
    p1.set_bsn("999990007")
    p1.save()
    p2 = Patient(
        code="CL-2",
        family_name="Bakker",
        birth_date=date(1990, 1, 2),
        zorgprofiel="VG03",
        verstandelijke_beperking=True,
        leveringsvorm="vpt",
        region=reg_b,
        home_postcode="3583 EF",
    )
    p2.set_bsn("999990019")
    p2.save()
    ContactPerson.objects.create(
        patient=p1,
        name="Peter de Vries",
        relation="zoon",
        phone="06-87654321",
        is_first_contact=True,
    )
    ContactPerson.objects.create(patient=p1, name="Els de Vries", relation="dochter")
    CareTeamMember.objects.create(
        patient=p1,
        professional=so,
        role="regiebehandelaar",
        start=date(2024, 1, 1),
        end=date(2024, 12, 31),
    )
    CareTeamMember.objects.create(
        patient=p1, professional=avg, role="regiebehandelaar", start=date(2025, 1, 1)
    )
    CareTeamMember.objects.create(
        patient=p1, professional=ha, role="medebehandelaar", start=date(2025, 3, 1)
    )
    a1 = Arrangement.objects.create(
        code="AFS-1",
        function="so_zorg",
        mode="beschikbaar",
        professional=so,
        scope_kind="locaties",
        pattern="ma-vr 17:00-08:00; za-zo 00:00-24:00; fd 00:00-24:00",
        valid_from=date(2025, 1, 1),
        valid_to=date(2026, 12, 31),
        phone="06-12345678",
        note="dienst via rooster",
    )
    a1.locations.set([loc_1, loc_2])
    Arrangement.objects.create(
        code="AFS-2",
        function="ha_zorg",
        mode="bereikbaar",
        provider_organisation=org_hap,
        scope_kind="organisatie",
        scope_organisation=org_vv,
        pattern="anw",
        valid_from=date(2025, 1, 1),
        phone="088-1234567",
    )
    a3 = Arrangement.objects.create(
        code="AFS-3",
        function="avg_zorg",
        mode="telefonisch",
        professional=avg,
        scope_kind="patienten",
        pattern="ma,wo,vr 09:00-12:00",
        valid_from=date(2025, 1, 1),
        phone="030-2223334",
    )
    a3.patients.set([p2])
    Arrangement.objects.create(
        code="AFS-4",
        function="gedragskundige_voorwacht",
        mode="bereikbaar",
        provider_organisation=org_vv,
        scope_kind="patientgroep",
        scope_region=reg_b,
        scope_sector="ghz",
        pattern="altijd",
        valid_from=date(2025, 6, 1),
        phone="030-5556667",
    )
    Arrangement.objects.create(
        code="AFS-5",
        function="triage",
        mode="beschikbaar",
        provider_organisation=org_hap,
        scope_kind="subregio",
        scope_subregion=sub,
        pattern="dag",
        valid_from=date(2025, 1, 1),
        phone="088-1234567",
    )
    Absence.objects.create(
        professional=so,
        kind="vakantie",
        start=datetime(2026, 7, 1, 8, 0, tzinfo=AMS),
        end=datetime(2026, 7, 15, 17, 30, tzinfo=AMS),
        replacement=avg,
        replacement_phone="06-99998888",
    )
    Absence.objects.create(
        professional=ha,
        kind="ziekte",
        start=datetime(2026, 1, 5, 0, 0, tzinfo=AMS),
        end=datetime(2026, 1, 9, 0, 0, tzinfo=AMS),
    )
    return {"patient": p1, "arrangement": a1}
