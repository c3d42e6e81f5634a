"""Coded values of the registry. Codes are stable (they appear in workbooks and the API)."""

from __future__ import annotations

from django.db import models


class OrganisationKind(models.TextChoices):
    ZORGAANBIEDER_VV = "zorgaanbieder_vv", "Zorgaanbieder VV"
    ZORGAANBIEDER_GHZ = "zorgaanbieder_ghz", "Zorgaanbieder GHZ"
    ZORGAANBIEDER_GGZ = "zorgaanbieder_ggz", "Zorgaanbieder GGZ"
    HUISARTSENPRAKTIJK = "huisartsenpraktijk", "Huisartsenpraktijk"
    HAP = "hap", "Huisartsenspoedpost (HAP/HDS)"
    SO_AVG_PRAKTIJK = "so_avg_praktijk", "SO/AVG-praktijk"
    ZORGKANTOOR = "zorgkantoor", "Zorgkantoor"
    ZORGVERZEKERAAR = "zorgverzekeraar", "Zorgverzekeraar"
    RHO = "rho", "Regionale huisartsenorganisatie (RHO)"
    WIJKVERPLEGING = "wijkverpleging", "Wijkverpleging"
    GEMEENTE = "gemeente", "Gemeente / sociaal domein"


class LocationKind(models.TextChoices):
    VERPLEEGHUIS = "verpleeghuis", "Verpleeghuis"
    KLEINSCHALIG_WONEN = "kleinschalig_wonen", "Kleinschalig wonen"
    GECLUSTERD_WONEN = "geclusterd_wonen", "Geclusterd wonen"
    GHZ_WOONVOORZIENING = "ghz_woonvoorziening", "GHZ-woonvoorziening"
    GGZ_WOONVOORZIENING = "ggz_woonvoorziening", "GGZ-woonvoorziening"
    PGB_WOONINITIATIEF = "pgb_wooninitiatief", "Pgb-wooninitiatief"


class TreatmentModel(models.TextChoices):
    MET_BEHANDELING = "met_behandeling", "Verblijf met behandeling"
    ZONDER_BEHANDELING = "zonder_behandeling", "Verblijf zonder behandeling"


class LocationStatus(models.TextChoices):
    GEPLAND = "gepland", "Gepland"
    OPEN = "open", "Open"
    GESLOTEN = "gesloten", "Gesloten"


class Discipline(models.TextChoices):
    HUISARTS = "huisarts", "Huisarts"
    SO = "so", "Specialist ouderengeneeskunde (SO)"
    AVG = "avg", "Arts verstandelijk gehandicapten (AVG)"
    VERPLEEGKUNDIG_SPECIALIST = "verpleegkundig_specialist", "Verpleegkundig specialist"
    PHYSICIAN_ASSISTANT = "physician_assistant", "Physician assistant"
    VERPLEEGKUNDIGE = "verpleegkundige", "Verpleegkundige"
    VERZORGENDE = "verzorgende", "Verzorgende (EVV)"
    GEDRAGSKUNDIGE = "gedragskundige", "Gedragskundige"
    GZ_PSYCHOLOOG = "gz_psycholoog", "GZ-psycholoog"
    ORTHOPEDAGOOG = "orthopedagoog", "Orthopedagoog"
    CASEMANAGER = "casemanager", "Casemanager dementie"
    PERSOONLIJK_BEGELEIDER = "persoonlijk_begeleider", "Persoonlijk begeleider"
    TRIAGIST = "triagist", "Triagist"


PHYSICIAN_DISCIPLINES = (Discipline.HUISARTS, Discipline.SO, Discipline.AVG)
BEHAVIOURAL_DISCIPLINES = (
    Discipline.GEDRAGSKUNDIGE,
    Discipline.GZ_PSYCHOLOOG,
    Discipline.ORTHOPEDAGOOG,
)
COORDINATOR_DISCIPLINES = (
    Discipline.VERPLEEGKUNDIGE,
    Discipline.VERZORGENDE,
    Discipline.CASEMANAGER,
    Discipline.PERSOONLIJK_BEGELEIDER,
    Discipline.VERPLEEGKUNDIG_SPECIALIST,
)


class Sector(models.TextChoices):
    VV = "vv", "Verpleging en verzorging (VV)"
    GHZ = "ghz", "Gehandicaptenzorg (GHZ)"
    GGZ = "ggz", "GGZ-Wonen (GGZ-W)"


class Leveringsvorm(models.TextChoices):
    VERBLIJF = "verblijf", "Verblijf"
    VPT = "vpt", "Volledig pakket thuis (VPT)"
    MPT = "mpt", "Modulair pakket thuis (MPT)"
    PGB = "pgb", "Persoonsgebonden budget (pgb)"


class CareTeamRole(models.TextChoices):
    REGIEBEHANDELAAR = "regiebehandelaar", "Regiebehandelaar MGZ"
    MEDEBEHANDELAAR = "medebehandelaar", "Medebehandelaar"
    CONSULENT = "consulent", "Consulent"


def _profiles(prefix: str, count: int) -> list[str]:
    return [f"{prefix}{n:02d}" for n in range(1, count + 1)]


# Zorgprofielen after the iWlz COD163 list, with the sector the covenant attaches to them (S.1).
ZORGPROFIEL_SECTOR: dict[str, str] = {
    **dict.fromkeys(_profiles("VV", 10), Sector.VV),
    **dict.fromkeys(_profiles("VG", 8), Sector.GHZ),
    **dict.fromkeys(_profiles("LVG", 5), Sector.GHZ),
    **dict.fromkeys(_profiles("SGLVG", 1), Sector.GHZ),
    **dict.fromkeys(_profiles("LG", 7), Sector.GHZ),
    **dict.fromkeys(_profiles("ZGvis", 5), Sector.GHZ),
    **dict.fromkeys(_profiles("ZGaud", 4), Sector.GHZ),
    **dict.fromkeys(_profiles("GGZ-W", 3), Sector.GGZ),
}
ZORGPROFIEL_CHOICES = [(code, code) for code in ZORGPROFIEL_SECTOR]
# Profiles in which an intellectual disability is part of the indication (2.1.3.a reading).
ID_PROFILE_PREFIXES = ("VG", "LVG", "SGLVG")


def sector_of(zorgprofiel: str) -> str | None:
    return ZORGPROFIEL_SECTOR.get(zorgprofiel)


def needs_avg(zorgprofiel: str, *, verstandelijke_beperking: bool = False) -> bool:
    """Whether the covenant asks for an AVG for this patient (2.1.3.a reading)."""
    if zorgprofiel.startswith(ID_PROFILE_PREFIXES):
        return True
    return sector_of(zorgprofiel) == Sector.GHZ and verstandelijke_beperking
