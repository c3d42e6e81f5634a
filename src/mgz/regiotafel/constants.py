"""Coded values of the regiotafel (H3 of the covenant). Codes are stable: they appear in the
API, in exports and in the conformance rules 2.3.3.2.b and 2.5.2."""

from __future__ import annotations

from django.db import models


class PartyKind(models.TextChoices):
    """The kinds of party at a regiotafel (3.b, 2.3.3.2.a–b)."""

    ZORGKANTOOR = "zorgkantoor", "Zorgkantoor"
    ZORGVERZEKERAAR = "zorgverzekeraar", "Zorgverzekeraar"
    ZORGAANBIEDER = "zorgaanbieder", "Zorgaanbieder"
    HUISARTSEN = "huisartsen", "Huisartsen / RHO"
    HDS_HAP = "hds_hap", "HDS / HAP"
    SO = "so", "Specialist ouderengeneeskunde (SO)"
    AVG = "avg", "Arts verstandelijk gehandicapten (AVG)"
    GEMEENTE = "gemeente", "Gemeente"


# 2.3.3.2.b: without these two kinds at the table the regional agreements lack SO/AVG input.
REQUIRED_PARTY_KINDS = frozenset({PartyKind.SO, PartyKind.AVG})


class AgreementKind(models.TextChoices):
    """The three kinds of agreement of H3 (3.a–c)."""

    MEDISCH_INHOUDELIJK = "medisch_inhoudelijk", "Medisch-inhoudelijk"
    ORGANISATORISCH = "organisatorisch", "Organisatorisch"
    CONTRACTERING = "contractering", "Contractering & financiering"


class Topic(models.TextChoices):
    """The subjects 2.5.2 requires regiotafel agreements to cover."""

    MDO = "mdo", "MDO"
    CONSULTATIE = "consultatie", "Consultatie"
    MEDEBEHANDELING = "medebehandeling", "Medebehandeling"
    REGIEBEHANDELAARSCHAP = "regiebehandelaarschap", "Regiebehandelaarschap MGZ"
    BESCHIKBAARHEID_ANW = "beschikbaarheid_anw", "Beschikbaarheid en continuïteit, ook ANW"
    VERVANGING = "vervanging", "Vervanging bij vakantie en ziekte"


REQUIRED_TOPICS = frozenset(Topic.values)


class ScopeKind(models.TextChoices):
    """For which locations an agreement holds."""

    REGION = "regio", "Hele regio"
    SUBREGION = "subregio", "Subregio"
    ORGANISATION = "organisatie", "Organisaties (al hun locaties in de regio)"
    LOCATION = "locatie", "Locaties"


class KnelpuntStatus(models.TextChoices):
    OPEN = "open", "Open"
    TERMIJN_VERSTREKEN = "termijn_verstreken", "Termijn verstreken"
    OPGELOST = "opgelost", "Opgelost"


class Step(models.IntegerChoices):
    """The escalation ladder of stap 4 (3.4), lowest first."""

    PARTIJEN = 1, "1 – Partijen onderling"
    REGIOTAFEL = 2, "2 – Regiotafel"
    ZORGKANTOOR = 3, "3 – Zorgkantoor / zorgverzekeraar"
    EXTERN = 4, "4 – NZa / IGJ / VWS / convenantpartijen"


class ExternalBody(models.TextChoices):
    """Where step 4 goes, "afhankelijk van de situatie" (3.4)."""

    NZA = "nza", "NZa (toezicht, advies aan VWS)"
    IGJ = "igj", "IGJ (kwaliteit en veiligheid)"
    VWS = "vws", "VWS (wetgever, stelsel)"
    CONVENANTPARTIJEN = "convenantpartijen", "Convenantpartijen"


class Action(models.TextChoices):
    ESCALATE = "escalate", "Escaleren"
    RESOLVE = "resolve", "Oplossen"
    REOPEN = "reopen", "Heropenen"
    DEADLINE_PASSED = "deadline_passed", "Termijn verstreken"
    EXTEND = "extend", "Nieuwe termijn"


class ActivityKind(models.TextChoices):
    """Activities 4.1.1 asks to be transparent about in funding."""

    MDO = "mdo", "MDO"
    CONSULTATIE = "consultatie", "Consultatie"
    MEDEBEHANDELING = "medebehandeling", "Medebehandeling"
    OVERDRACHT = "overdracht", "Overdracht regiebehandelaarschap"
    ANW_CONTACT = "anw_contact", "ANW-contact"
    VERVANGING = "vervanging", "Vervanging (vakantie/ziekte)"


class ActivitySource(models.TextChoices):
    PLATFORM = "platform", "Vastgelegd door het platform"
    HANDMATIG = "handmatig", "Ingevoerd per periode"


# Attachments: content-sniffed, not trusted by name or browser-sent type.
MAX_DOCUMENT_BYTES = 10 * 1024 * 1024
DOCUMENT_TYPES = {
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "odt": "application/vnd.oasis.opendocument.text",
}

# Default time a party gets to act on each step, in days; a user may set another deadline.
DEFAULT_STEP_DAYS = {1: 28, 2: 42, 3: 42, 4: 90}
