"""A small routing world as a core snapshot (no database): one region, two providers, a GP
practice, a HAP, SO/AVG physicians, a gedragskundige, and patients in every setting.

Moments used by the scenario table (all Europe/Amsterdam, 2026):
DAY Tue 21 Apr 10:00 · EVE Tue 21 Apr 22:00 · WKD Sat 25 Apr 14:00 · FD Mon 27 Apr 10:00
(Koningsdag) · SICK Wed 22 Apr 10:00 (SO Bakker ill, no replacement) · VAC/VACN Wed 6 May
10:00/22:00 (GP Jansen on holiday, replaced by De Vries; SO Meijer ill, replaced by Visser who is
absent too) · AVGVAC Tue 12 May 10:00 (AVG Smit on holiday, replaced by Mulder).
"""

from __future__ import annotations

from datetime import date, datetime

from mgz.core.calendar import TZ
from mgz.core.snapshot import (
    AbsenceSnap,
    ArrangementSnap,
    CareTeamSnap,
    LocationSnap,
    OrganisationSnap,
    PatientSnap,
    ProfessionalSnap,
    RegionSnap,
    Snapshot,
)
from mgz.core.weekpattern import parse_pattern


def at(year: int, month: int, day: int, hour: int, minute: int = 0) -> datetime:
    return datetime(year, month, day, hour, minute, tzinfo=TZ)


DAY = at(2026, 4, 21, 10)
EVE = at(2026, 4, 21, 22)
WKD = at(2026, 4, 25, 14)
FD = at(2026, 4, 27, 10)
SICK = at(2026, 4, 22, 10)
VAC = at(2026, 5, 6, 10)
VACN = at(2026, 5, 6, 22)
AVGVAC = at(2026, 5, 12, 10)

REGION = RegionSnap(1, "R1", "Regio Noord")
ORGANISATIONS = (
    OrganisationSnap(1, "ZGN", "Zorggroep Noord", "zorgaanbieder_vv", 1),
    OrganisationSnap(2, "BOOG", "Stichting De Boog", "zorgaanbieder_ghz", 1),
    OrganisationSnap(3, "HAPC", "Huisartsenpraktijk Centrum", "huisartsenpraktijk", 1),
    OrganisationSnap(4, "HAPN", "Huisartsenpost Noord", "hap", 1),
    OrganisationSnap(5, "SOAVG", "SO-AVG Praktijk Noord", "so_avg_praktijk", 1),
    OrganisationSnap(6, "GGZW", "GGZ Wonen Noord", "zorgaanbieder_ggz", 1),
)
LOCATIONS = (
    LocationSnap(1, "LINDE", "De Linde", 1, 1, "verpleeghuis", "met_behandeling", hap_id=4),
    LocationSnap(2, "HOFJE", "Het Hofje", 1, 1, "kleinschalig_wonen", "zonder_behandeling"),
    LocationSnap(3, "BOOGO", "De Boog Oost", 2, 1, "ghz_woonvoorziening", "met_behandeling"),
    LocationSnap(4, "BOOGW", "De Boog West", 2, 1, "ghz_woonvoorziening", "zonder_behandeling"),
    LocationSnap(5, "BW", "Beschermd wonen", 6, 1, "ggz_woonvoorziening", "zonder_behandeling"),
)
PROFESSIONALS = (
    ProfessionalSnap(1, "HA-JANSEN", "A. Jansen", "huisarts", "050-1111111", (3,)),
    ProfessionalSnap(2, "HA-DEVRIES", "B. de Vries", "huisarts", "050-1111112", (3,)),
    ProfessionalSnap(3, "SO-BAKKER", "C. Bakker", "so", "050-3333331", (5,)),
    ProfessionalSnap(4, "SO-VISSER", "D. Visser", "so", "050-3333332", (5,)),
    ProfessionalSnap(5, "AVG-SMIT", "E. Smit", "avg", "050-4444441", (5,)),
    ProfessionalSnap(6, "AVG-MULDER", "F. Mulder", "avg", "050-4444442", (5,)),
    ProfessionalSnap(7, "GK-DEBOER", "G. de Boer", "gedragskundige", "050-5555551", (2,)),
    ProfessionalSnap(8, "SO-MEIJER", "H. Meijer", "so", "050-3333333", (5,)),
)


def patient(pid: int, code: str, profile: str, sector: str, levering: str, **extra) -> PatientSnap:
    return PatientSnap(pid, code, profile, sector, levering, 1, **extra)


PATIENTS = (
    patient(1, "VV-MET", "VV05", "vv", "verblijf", location_id=1, behandeling_ingekocht=True),
    patient(2, "VV-ZONDER", "VV04", "vv", "verblijf", location_id=2),
    patient(3, "VV-THUIS", "VV04", "vv", "mpt", home_postcode="9711 AA"),
    patient(4, "VV-VPT", "VV06", "vv", "vpt", home_postcode="9711 AB"),
    patient(5, "GHZ-MET", "VG05", "ghz", "verblijf", location_id=3, behandeling_ingekocht=True),
    patient(6, "GHZ-ZONDER", "VG03", "ghz", "verblijf", location_id=4),
    patient(7, "GHZ-MPT", "VG02", "ghz", "mpt", home_postcode="9711 AC"),
    patient(8, "LG", "LG04", "ghz", "verblijf", location_id=4),
    patient(9, "LG-VB", "LG04", "ghz", "verblijf", location_id=4, verstandelijke_beperking=True),
    patient(10, "GGZ", "GGZ-W02", "ggz", "verblijf", location_id=5),
    patient(11, "PGB", "VV03", "vv", "pgb", home_postcode="9711 AD"),
)
HOME_WITH_GP = frozenset({3, 4, 7})
START = date(2026, 1, 1)


def arrangement(aid: int, function: str, mode: str, scope_kind: str, pattern: str, **extra):
    return ArrangementSnap(
        id=aid,
        code=f"A{aid:02d}",
        function=function,
        mode=mode,
        scope_kind=scope_kind,
        pattern=parse_pattern(pattern),
        valid_from=extra.pop("valid_from", START),
        phone=extra.pop("phone", f"050-90000{aid:02d}"),
        **extra,
    )


ARRANGEMENTS = (
    arrangement(
        1,
        "ha_zorg",
        "beschikbaar",
        "locaties",
        "ma-vr 08:00-17:00",
        professional_id=1,
        location_ids=frozenset({2, 3, 4, 5}),
    ),
    arrangement(
        2,
        "ha_zorg",
        "beschikbaar",
        "patienten",
        "ma-vr 08:00-17:00",
        professional_id=1,
        patient_ids=HOME_WITH_GP,
    ),
    arrangement(
        3, "ha_zorg", "beschikbaar", "regio", "anw", provider_organisation_id=4, scope_region_id=1
    ),
    arrangement(
        4,
        "so_zorg",
        "beschikbaar",
        "locaties",
        "ma-vr 08:00-17:00",
        professional_id=3,
        location_ids=frozenset({1}),
    ),
    arrangement(
        5,
        "so_zorg",
        "beschikbaar",
        "organisatie",
        "anw",
        professional_id=4,
        scope_organisation_id=1,
    ),
    arrangement(
        6,
        "so_zorg",
        "bereikbaar",
        "patientgroep",
        "ma-vr 08:00-17:00",
        professional_id=8,
        scope_region_id=1,
        scope_sector="vv",
    ),
    arrangement(
        7,
        "avg_zorg",
        "beschikbaar",
        "patientgroep",
        "ma-vr 08:00-17:00",
        professional_id=5,
        scope_region_id=1,
        scope_sector="ghz",
    ),
    arrangement(
        8,
        "avg_zorg",
        "telefonisch",
        "patientgroep",
        "anw",
        professional_id=6,
        scope_region_id=1,
        scope_sector="ghz",
    ),
    arrangement(
        9,
        "verpleegkundige_voorwacht",
        "bereikbaar",
        "organisatie",
        "altijd",
        provider_organisation_id=1,
        scope_organisation_id=1,
    ),
    arrangement(
        10,
        "gedragskundige_voorwacht",
        "bereikbaar",
        "organisatie",
        "altijd",
        provider_organisation_id=2,
        scope_organisation_id=2,
    ),
    arrangement(
        11,
        "verpleegkundige_voorwacht",
        "bereikbaar",
        "locaties",
        "altijd",
        provider_organisation_id=2,
        location_ids=frozenset({3}),
    ),
    arrangement(
        12,
        "gedragskundige",
        "bereikbaar",
        "organisatie",
        "ma-vr 09:00-17:00",
        professional_id=7,
        scope_organisation_id=2,
    ),
)
ABSENCES = (
    AbsenceSnap(1, 1, "vakantie", at(2026, 5, 4, 0), at(2026, 5, 9, 0), 2, "050-2222222"),
    AbsenceSnap(2, 3, "ziekte", at(2026, 4, 22, 0), at(2026, 4, 23, 0)),
    AbsenceSnap(3, 5, "vakantie", at(2026, 5, 11, 0), at(2026, 5, 16, 0), 6),
    AbsenceSnap(4, 8, "ziekte", at(2026, 5, 6, 0), at(2026, 5, 7, 0), 4),
    AbsenceSnap(5, 4, "overig", at(2026, 5, 6, 0), at(2026, 5, 7, 0)),
)
CARE_TEAM = (
    CareTeamSnap(1, 3, "regiebehandelaar", START),
    CareTeamSnap(2, 1, "regiebehandelaar", START),
    CareTeamSnap(5, 5, "regiebehandelaar", START),
    CareTeamSnap(6, 1, "medebehandelaar", START),
)


def world() -> Snapshot:
    return Snapshot(
        regions=(REGION,),
        organisations=ORGANISATIONS,
        locations=LOCATIONS,
        professionals=PROFESSIONALS,
        patients=PATIENTS,
        care_team=CARE_TEAM,
        arrangements=ARRANGEMENTS,
        absences=ABSENCES,
    )
