"""Public aggregates the synthetic Netherlands is scaled from (sources in docs/data-sources.md).

Every figure here is a rounded national total or a modelling share; none describes a real
person. Change a figure only together with its source in docs/data-sources.md.
"""

from __future__ import annotations

from dataclasses import dataclass

# CBS StatLine 84529NED (2022): Wlz clients with care, by sector and leveringsvorm (rounded).
WLZ_CLIENTS = 360_000
SECTOR_SHARE = {"vv": 0.62, "ghz": 0.33, "ggz": 0.05}
# Leveringsvorm within each sector (modelling shares consistent with the CBS totals:
# verblijf is the majority; pgb is much more common in GHZ than in VV).
LEVERINGSVORM_SHARE = {
    "vv": {"verblijf": 0.75, "vpt": 0.10, "mpt": 0.10, "pgb": 0.05},
    "ghz": {"verblijf": 0.60, "vpt": 0.03, "mpt": 0.12, "pgb": 0.25},
    "ggz": {"verblijf": 0.70, "vpt": 0.05, "mpt": 0.10, "pgb": 0.15},
}
# Share of pgb clients who live in a pgb-wooninitiatief rather than at home.
PGB_IN_WOONINITIATIEF = 0.40

# Nivel (2021): GPs and practices; Verenso: SO; NVAVG: AVG; InEen benchmark (2022): HAPs/HDS.
GPS = 13_500
GP_PRACTICES = 5_000
SOS = 2_000
AVGS = 250
HAPS = 105
HDS_ORGANISATIONS = 52

# Places per residential location: (minimum, maximum).
LOCATION_SIZES = {
    "verpleeghuis": (40, 150),
    "kleinschalig_wonen": (6, 30),
    "geclusterd_wonen": (20, 60),
    "ghz_woonvoorziening": (6, 40),
    "ggz_woonvoorziening": (8, 36),
    "pgb_wooninitiatief": (8, 25),
}
# How the VV residents with verblijf divide over the kinds of location.
VV_LOCATION_MIX = {"verpleeghuis": 0.65, "kleinschalig_wonen": 0.25, "geclusterd_wonen": 0.10}
# Share of locations of a kind that deliver verblijf *met* behandeling (2.1.4.d, 2.3.3.1.a).
MET_BEHANDELING_SHARE = {
    "verpleeghuis": 0.85,
    "kleinschalig_wonen": 0.25,
    "geclusterd_wonen": 0.05,
    "ghz_woonvoorziening": 0.30,
    "ggz_woonvoorziening": 0.0,
    "pgb_wooninitiatief": 0.0,
}
# Residents per coordinator (EVV / persoonlijk begeleider) at a location; clients per
# wijkverpleegkundige or casemanager at home.
RESIDENTS_PER_COORDINATOR = 8
HOME_CLIENTS_PER_COORDINATOR = 30

# Zorgprofielen within a sector (rounded modelling weights after CBS/CIZ indications).
ZORGPROFIEL_WEIGHTS = {
    "vv": {
        "VV04": 0.14,
        "VV05": 0.46,
        "VV06": 0.15,
        "VV07": 0.19,
        "VV08": 0.03,
        "VV09": 0.02,
        "VV10": 0.01,
    },
    "ghz": {
        "VG03": 0.08,
        "VG04": 0.10,
        "VG05": 0.14,
        "VG06": 0.16,
        "VG07": 0.10,
        "VG08": 0.03,
        "LVG02": 0.02,
        "LVG03": 0.02,
        "LVG04": 0.02,
        "SGLVG01": 0.01,
        "LG02": 0.03,
        "LG04": 0.04,
        "LG05": 0.04,
        "LG06": 0.04,
        "LG07": 0.02,
        "ZGvis02": 0.02,
        "ZGvis03": 0.01,
        "ZGaud02": 0.01,
        "ZGaud03": 0.01,
    },
    "ggz": {"GGZ-W01": 0.25, "GGZ-W02": 0.45, "GGZ-W03": 0.30},
}

# Planted imperfections: rates per candidate, so a conformance check has something true to
# find. Every kind is planted at least once per region.
IMPERFECTION_RATES = {
    "vv_location_without_anw_so": 0.06,
    "patient_without_coordinator": 0.03,
    "location_without_infection_protocol": 0.04,
    "location_without_wzd_protocol": 0.05,
    "patient_without_companion": 0.06,
    "pgb_wooninitiatief_without_arrangements": 0.40,
    "ion_gp_with_so_regiebehandelaar": 0.05,
    "met_behandeling_patient_with_ion": 0.02,
    "ghz_patient_only_avg": 0.01,
    "location_without_voorwacht": 0.04,
    "location_without_gedragskundige_anw": 0.05,
    "patient_without_regiebehandelaar": 0.01,
    "absence_without_replacement": 0.01,
    "absence_with_replacement": 0.03,
}


@dataclass(frozen=True)
class RegionSpec:
    """A zorgkantoorregio: its real name, a rounded population to weigh it, and geography."""

    code: str
    name: str
    inhabitants_k: int  # thousands, rounded; used only as a weight
    postcode_prefixes: tuple[int, ...]  # first two digits of postcodes in the region
    towns: tuple[str, ...]
    latitude: float
    longitude: float


# The 31 zorgkantoorregio's (older lists count 32, with Amstelland en de Meerlanden
# separate; here it is part of Amsterdam).
REGIONS: tuple[RegionSpec, ...] = (
    RegionSpec(
        "GRO",
        "Groningen",
        590,
        (97, 98, 99),
        ("Groningen", "Hoogezand", "Veendam", "Delfzijl", "Stadskanaal"),
        53.22,
        6.57,
    ),
    RegionSpec(
        "FRI",
        "Friesland",
        655,
        (84, 85, 86, 87, 88, 89, 90, 91, 92),
        ("Leeuwarden", "Sneek", "Heerenveen", "Drachten", "Harlingen"),
        53.10,
        5.80,
    ),
    RegionSpec(
        "DRE",
        "Drenthe",
        495,
        (77, 78, 79, 94, 95),
        ("Assen", "Emmen", "Hoogeveen", "Meppel", "Coevorden"),
        52.86,
        6.62,
    ),
    RegionSpec(
        "TWE",
        "Twente",
        630,
        (75, 76),
        ("Enschede", "Hengelo", "Almelo", "Oldenzaal", "Rijssen"),
        52.27,
        6.80,
    ),
    RegionSpec(
        "ZWO",
        "Zwolle",
        470,
        (80, 81, 83),
        ("Zwolle", "Kampen", "Hardenberg", "Ommen", "Steenwijk"),
        52.51,
        6.09,
    ),
    RegionSpec(
        "GOO",
        "'t Gooi",
        260,
        (12, 14),
        ("Hilversum", "Bussum", "Huizen", "Laren", "Weesp"),
        52.23,
        5.18,
    ),
    RegionSpec(
        "AMS",
        "Amsterdam",
        1200,
        (10, 11, 21),
        ("Amsterdam", "Amstelveen", "Diemen", "Haarlemmermeer", "Aalsmeer"),
        52.37,
        4.90,
    ),
    RegionSpec(
        "ZAW",
        "Zaanstreek/Waterland",
        340,
        (15, 14),
        ("Zaandam", "Purmerend", "Wormerveer", "Edam", "Monnickendam"),
        52.46,
        4.86,
    ),
    RegionSpec(
        "KEN",
        "Kennemerland",
        550,
        (19, 20, 21),
        ("Haarlem", "Heemstede", "Beverwijk", "Velsen", "Zandvoort"),
        52.38,
        4.64,
    ),
    RegionSpec(
        "NHN",
        "Noord-Holland Noord",
        670,
        (16, 17, 18),
        ("Alkmaar", "Hoorn", "Den Helder", "Heerhugowaard", "Enkhuizen"),
        52.63,
        4.75,
    ),
    RegionSpec(
        "UTR",
        "Utrecht",
        1000,
        (34, 35, 36, 39),
        ("Utrecht", "Nieuwegein", "Zeist", "Veenendaal", "Woerden"),
        52.09,
        5.12,
    ),
    RegionSpec(
        "AMF",
        "Amersfoort",
        300,
        (37, 38),
        ("Amersfoort", "Soest", "Baarn", "Leusden", "Nijkerk"),
        52.16,
        5.39,
    ),
    RegionSpec(
        "HGL",
        "Haaglanden",
        1100,
        (22, 24, 25, 26, 27),
        ("Den Haag", "Zoetermeer", "Leidschendam", "Rijswijk", "Wassenaar"),
        52.07,
        4.30,
    ),
    RegionSpec(
        "DWO",
        "Delft Westland Oostland",
        300,
        (26, 22, 27),
        ("Delft", "Naaldwijk", "Pijnacker", "Lansingerland", "Midden-Delfland"),
        52.01,
        4.36,
    ),
    RegionSpec(
        "ZHN",
        "Zuid-Holland Noord",
        560,
        (22, 23, 24),
        ("Leiden", "Katwijk", "Alphen aan den Rijn", "Noordwijk", "Leiderdorp"),
        52.16,
        4.49,
    ),
    RegionSpec(
        "MHO",
        "Midden-Holland",
        270,
        (28,),
        ("Gouda", "Waddinxveen", "Bodegraven", "Zuidplas", "Krimpenerwaard"),
        52.01,
        4.71,
    ),
    RegionSpec(
        "RTM",
        "Rotterdam",
        1050,
        (30, 31, 29),
        ("Rotterdam", "Schiedam", "Vlaardingen", "Capelle aan den IJssel", "Barendrecht"),
        51.92,
        4.48,
    ),
    RegionSpec(
        "WRD",
        "Waardenland",
        290,
        (33, 29, 42),
        ("Dordrecht", "Zwijndrecht", "Papendrecht", "Sliedrecht", "Gorinchem"),
        51.81,
        4.67,
    ),
    RegionSpec(
        "ZHE",
        "Zuid-Hollandse Eilanden",
        190,
        (32, 31),
        ("Spijkenisse", "Hellevoetsluis", "Oud-Beijerland", "Brielle", "Middelharnis"),
        51.84,
        4.33,
    ),
    RegionSpec(
        "ZEE",
        "Zeeland",
        385,
        (43, 44, 45),
        ("Middelburg", "Vlissingen", "Goes", "Terneuzen", "Zierikzee"),
        51.50,
        3.61,
    ),
    RegionSpec(
        "WBR",
        "West-Brabant",
        690,
        (46, 47, 48, 49),
        ("Breda", "Roosendaal", "Bergen op Zoom", "Oosterhout", "Etten-Leur"),
        51.59,
        4.78,
    ),
    RegionSpec(
        "MBR",
        "Midden-Brabant",
        470,
        (50, 51),
        ("Tilburg", "Waalwijk", "Dongen", "Oisterwijk", "Goirle"),
        51.56,
        5.09,
    ),
    RegionSpec(
        "NOB",
        "Noordoost-Brabant",
        650,
        (52, 53, 54),
        ("'s-Hertogenbosch", "Oss", "Uden", "Veghel", "Boxmeer"),
        51.69,
        5.30,
    ),
    RegionSpec(
        "ZOB",
        "Zuidoost-Brabant",
        780,
        (55, 56, 57),
        ("Eindhoven", "Helmond", "Veldhoven", "Valkenswaard", "Geldrop"),
        51.44,
        5.48,
    ),
    RegionSpec(
        "NML",
        "Noord- en Midden-Limburg",
        520,
        (58, 59, 60),
        ("Venlo", "Roermond", "Weert", "Venray", "Panningen"),
        51.37,
        6.17,
    ),
    RegionSpec(
        "ZLI",
        "Zuid-Limburg",
        600,
        (61, 62, 63, 64),
        ("Maastricht", "Heerlen", "Sittard", "Kerkrade", "Geleen"),
        50.85,
        5.69,
    ),
    RegionSpec(
        "ARN",
        "Arnhem",
        700,
        (68, 69, 67),
        ("Arnhem", "Ede", "Wageningen", "Doetinchem", "Renkum"),
        51.98,
        5.91,
    ),
    RegionSpec(
        "NIJ",
        "Nijmegen",
        560,
        (65, 66, 40),
        ("Nijmegen", "Wijchen", "Tiel", "Beuningen", "Druten"),
        51.84,
        5.85,
    ),
    RegionSpec(
        "MIJ",
        "Midden-IJssel",
        215,
        (74,),
        ("Deventer", "Raalte", "Olst", "Bathmen", "Wijhe"),
        52.25,
        6.16,
    ),
    RegionSpec(
        "APZ",
        "Apeldoorn/Zutphen",
        400,
        (72, 73, 81),
        ("Apeldoorn", "Zutphen", "Epe", "Lochem", "Brummen"),
        52.21,
        5.97,
    ),
    RegionSpec(
        "FLE",
        "Flevoland",
        430,
        (13, 82, 83),
        ("Almere", "Lelystad", "Dronten", "Emmeloord", "Zeewolde"),
        52.45,
        5.50,
    ),
)
# `--scale region` loads this one: its population is close to the national mean per region.
DEFAULT_REGION = "NIJ"
TOTAL_INHABITANTS_K = sum(r.inhabitants_k for r in REGIONS)


def region_share(spec: RegionSpec) -> float:
    """The region's share of the national totals, by inhabitants."""
    return spec.inhabitants_k / TOTAL_INHABITANTS_K
