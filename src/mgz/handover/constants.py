"""Coded values of the handover workflows. Codes are stable: they appear in the API and in FHIR.

The treatment and advance-directive codes are the zib 2020 codes (BehandelAanwijzing2,
Wilsverklaring), so the FHIR mapping is a lookup, not a translation.
"""

from __future__ import annotations

from django.db import models


class TransferScope(models.TextChoices):
    ALLE_MGZ = "alle_mgz", "Alle MGZ"
    AFGEBAKEND = "afgebakend", "Afgebakend, beperkingsgebonden probleem (AVG)"


class TransferStatus(models.TextChoices):
    VOORGESTELD = "voorgesteld", "Voorgesteld"
    GEACCEPTEERD = "geaccepteerd", "Geaccepteerd"
    AFGEWEZEN = "afgewezen", "Afgewezen"
    AFGEROND = "afgerond", "Afgerond"
    INGETROKKEN = "ingetrokken", "Ingetrokken"


OPEN_TRANSFER_STATUSES = (TransferStatus.VOORGESTELD, TransferStatus.GEACCEPTEERD)


class TransferEventKind(models.TextChoices):
    VOORGESTELD = "voorgesteld", "Voorgesteld"
    GEACCEPTEERD = "geaccepteerd", "Geaccepteerd"
    AFGEWEZEN = "afgewezen", "Afgewezen"
    GESPREK = "gesprek", "Gesprek met cliënt en naasten vastgelegd"
    TERUGVAL = "terugval", "Terugvalafspraak vastgelegd"
    AFGEROND = "afgerond", "Afgerond (ingangsdatum vastgesteld)"
    INGETROKKEN = "ingetrokken", "Ingetrokken"


class Treatment(models.TextChoices):
    """zib BehandelAanwijzing2.Behandeling: SNOMED CT codes, 'OTH' (NullFlavor) for anders."""

    REANIMATIE = "89666000", "Reanimatie"
    BEADEMING = "40617009", "Kunstmatige beademing"
    IC_OPNAME = "305351004", "Opname op intensive care"
    ZIEKENHUISOPNAME = "32485007", "Ziekenhuisopname"
    BLOEDPRODUCTEN = "116762002", "Toediening van bloedproducten"
    ANTIBIOTICA = "281789004", "Antibiotica"
    ANDERS = "OTH", "Anders"


# The short Dutch line for a 'deny' decision, as the HAP reads it.
DENY_LINES: dict[str, str] = {
    Treatment.REANIMATIE: "Niet reanimeren",
    Treatment.BEADEMING: "Geen kunstmatige beademing",
    Treatment.IC_OPNAME: "Geen IC-opname",
    Treatment.ZIEKENHUISOPNAME: "Geen ziekenhuisopname",
    Treatment.BLOEDPRODUCTEN: "Geen bloedproducten",
    Treatment.ANTIBIOTICA: "Geen antibiotica",
}
PERMIT_LINES: dict[str, str] = {
    Treatment.REANIMATIE: "Wel reanimeren",
    Treatment.BEADEMING: "Wel kunstmatige beademing",
    Treatment.IC_OPNAME: "Wel IC-opname",
    Treatment.ZIEKENHUISOPNAME: "Wel ziekenhuisopname",
    Treatment.BLOEDPRODUCTEN: "Wel bloedproducten",
    Treatment.ANTIBIOTICA: "Wel antibiotica",
}


class Decision(models.TextChoices):
    """zib BehandelBesluit; FHIR Consent.provision.type, or the specificationOther extension."""

    PERMIT = "permit", "Wel uitvoeren"
    DENY = "deny", "Niet uitvoeren"
    ANDERS = "anders", "Anders (zie specificatie)"


class AdvanceDirectiveKind(models.TextChoices):
    """zib Wilsverklaring.WilsverklaringType (WilsverklaringTypeCodelijst)."""

    NIET_REANIMEREN = "NR", "Niet-reanimerenverklaring"
    VOLMACHT = "VOL", "Volmacht"
    BEHANDELVERBOD = "VERB", "Behandelverbod"
    BEHANDELVERBOD_VOLTOOID_LEVEN = "VERBVL", "Behandelverbod met aanvulling voltooid leven"
    MONDELING = "MON", "Mondelinge afspraak"
    EUTHANASIE = "EU", "Euthanasieverzoek"
    EUTHANASIE_DEMENTIE = "EUD", "Euthanasieverzoek met aanvulling dementie"
    LEVENSWENS = "LW", "Levenswensverklaring"
    DONORSCHAP = "DO", "Verklaring donorschap"
    ANDERS = "OTH", "Anders"


class AuthorRole(models.TextChoices):
    """On what ground the author may write the handover (2.1.3.e)."""

    REGIEBEHANDELAAR = "regiebehandelaar", "Regiebehandelaar MGZ"
    GEDRAGSKUNDIGE = "gedragskundige", "Gedragskundige"
    IMPORT = "import", "Overgenomen uit FHIR-bericht"
