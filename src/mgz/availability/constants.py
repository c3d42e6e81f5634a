from __future__ import annotations

from django.db import models


class Function(models.TextChoices):
    HA_ZORG = "ha_zorg", "Huisartsenzorg"
    SO_ZORG = "so_zorg", "SO-zorg"
    AVG_ZORG = "avg_zorg", "AVG-zorg"
    TRIAGE = "triage", "Triage"
    VERPLEEGKUNDIGE_VOORWACHT = "verpleegkundige_voorwacht", "Verpleegkundige voorwacht"
    GEDRAGSKUNDIGE_VOORWACHT = "gedragskundige_voorwacht", "Gedragskundige voorwacht"
    GEDRAGSKUNDIGE = "gedragskundige", "Gedragskundige (niet-medisch behandelaar)"


class Mode(models.TextChoices):
    """Ordered from strongest to weakest: being available implies being reachable."""

    BESCHIKBAAR = "beschikbaar", "Beschikbaar"
    BEREIKBAAR = "bereikbaar", "Bereikbaar"
    TELEFONISCH_BEREIKBAAR = "telefonisch", "Telefonisch bereikbaar"


class ScopeKind(models.TextChoices):
    LOCATIONS = "locaties", "Locaties"
    ORGANISATION = "organisatie", "Alle locaties van een organisatie"
    PATIENT_GROUP = "patientgroep", "Patiëntgroep (sector) in een regio"
    REGION = "regio", "Regio"
    SUBREGION = "subregio", "Subregio"
    PATIENTS = "patienten", "Individuele cliënten"


class AbsenceKind(models.TextChoices):
    VAKANTIE = "vakantie", "Vakantie"
    ZIEKTE = "ziekte", "Ziekte"
    OVERIG = "overig", "Overig"
