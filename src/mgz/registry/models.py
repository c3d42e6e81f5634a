"""The MGZ registry: who is where, and who treats whom."""

from __future__ import annotations

from datetime import date

from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models

from mgz.core.bsn import bsn_error
from mgz.registry import bsn_crypto
from mgz.registry.constants import (
    ZORGPROFIEL_CHOICES,
    CareTeamRole,
    Discipline,
    Leveringsvorm,
    LocationKind,
    LocationStatus,
    OrganisationKind,
    TreatmentModel,
    sector_of,
)

postcode_validator = RegexValidator(
    r"^[1-9][0-9]{3} ?[A-Z]{2}$", "Postcode moet de vorm 1234 AB hebben."
)
phone_validator = RegexValidator(
    r"^(\+31|0031|0)[1-9][0-9 \-]{7,12}$|^1[0-9]{2,5}$",
    "Telefoonnummer moet een Nederlands nummer zijn, bijvoorbeeld 030-1234567 of +31 30 1234567.",
)


class Region(models.Model):
    """A zorgkantoorregio; its ANW weekday hours may differ from the national default."""

    code = models.CharField("code", max_length=20, unique=True)
    name = models.CharField("naam", max_length=200)
    anw_weekday_start = models.TimeField("ANW begint (werkdag)", default="17:00")
    anw_weekday_end = models.TimeField("ANW eindigt (werkdag)", default="08:00")

    class Meta:
        verbose_name = "zorgkantoorregio"
        verbose_name_plural = "zorgkantoorregio's"
        ordering = ["code"]

    def __str__(self) -> str:
        return self.name


class Subregion(models.Model):
    region = models.ForeignKey(
        Region, models.CASCADE, related_name="subregions", verbose_name="regio"
    )
    code = models.CharField("code", max_length=20, unique=True)
    name = models.CharField("naam", max_length=200)

    class Meta:
        verbose_name = "subregio"
        verbose_name_plural = "subregio's"
        ordering = ["code"]

    def __str__(self) -> str:
        return self.name


class Organisation(models.Model):
    code = models.CharField("code", max_length=40, unique=True)
    name = models.CharField("naam", max_length=200)
    kind = models.CharField("soort", max_length=30, choices=OrganisationKind.choices)
    region = models.ForeignKey(
        Region,
        models.PROTECT,
        null=True,
        blank=True,
        related_name="organisations",
        verbose_name="regio",
    )
    agb = models.CharField(
        "AGB-code",
        max_length=8,
        blank=True,
        validators=[RegexValidator(r"^\d{8}$", "AGB-code heeft 8 cijfers.")],
    )
    ura = models.CharField(
        "URA",
        max_length=8,
        blank=True,
        validators=[RegexValidator(r"^\d{8}$", "URA heeft 8 cijfers.")],
    )
    kvk = models.CharField(
        "KvK-nummer",
        max_length=8,
        blank=True,
        validators=[RegexValidator(r"^\d{8}$", "KvK-nummer heeft 8 cijfers.")],
    )
    contracted = models.BooleanField("gecontracteerd", default=True)
    pgb_only = models.BooleanField("alleen pgb", default=False)
    phone = models.CharField("telefoon", max_length=20, blank=True, validators=[phone_validator])

    class Meta:
        verbose_name = "organisatie"
        verbose_name_plural = "organisaties"
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Location(models.Model):
    code = models.CharField("code", max_length=40, unique=True)
    organisation = models.ForeignKey(
        Organisation, models.PROTECT, related_name="locations", verbose_name="organisatie"
    )
    name = models.CharField("naam", max_length=200)
    region = models.ForeignKey(
        Region, models.PROTECT, related_name="locations", verbose_name="regio"
    )
    subregion = models.ForeignKey(
        Subregion,
        models.PROTECT,
        null=True,
        blank=True,
        related_name="locations",
        verbose_name="subregio",
    )
    street = models.CharField("straat en huisnummer", max_length=200, blank=True)
    postcode = models.CharField("postcode", max_length=7, validators=[postcode_validator])
    city = models.CharField("plaats", max_length=100, blank=True)
    latitude = models.FloatField("breedtegraad", null=True, blank=True)
    longitude = models.FloatField("lengtegraad", null=True, blank=True)
    kind = models.CharField("soort", max_length=30, choices=LocationKind.choices)
    treatment_model = models.CharField(
        "behandelmodel", max_length=30, choices=TreatmentModel.choices
    )
    capacity = models.PositiveIntegerField("capaciteit (plaatsen)", default=0)
    status = models.CharField(
        "status", max_length=10, choices=LocationStatus.choices, default=LocationStatus.OPEN
    )
    planned_opening = models.DateField("geplande opening", null=True, blank=True)
    hap = models.ForeignKey(
        Organisation,
        models.PROTECT,
        null=True,
        blank=True,
        related_name="served_locations",
        limit_choices_to={"kind": OrganisationKind.HAP},
        verbose_name="HAP",
    )
    quality_standard = models.CharField("kwaliteitskader", max_length=200, blank=True)
    quality_standard_date = models.DateField(
        "kwaliteitskader geïmplementeerd op", null=True, blank=True
    )
    protocol_infection_date = models.DateField("protocol infectiepreventie", null=True, blank=True)
    protocol_wzd_date = models.DateField("protocol Wzd", null=True, blank=True)
    protocol_other_date = models.DateField("overige kwaliteitseisen", null=True, blank=True)

    class Meta:
        verbose_name = "locatie"
        verbose_name_plural = "locaties"
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    def clean(self) -> None:
        if self.status == LocationStatus.GEPLAND and not self.planned_opening:
            raise ValidationError(
                {"planned_opening": "Een geplande locatie heeft een geplande openingsdatum nodig."}
            )


class Professional(models.Model):
    code = models.CharField("code", max_length=40, unique=True)
    initials = models.CharField("voorletters", max_length=20, blank=True)
    family_name = models.CharField("achternaam", max_length=120)
    discipline = models.CharField("discipline", max_length=30, choices=Discipline.choices)
    big = models.CharField(
        "BIG-nummer",
        max_length=11,
        blank=True,
        validators=[RegexValidator(r"^\d{11}$", "BIG-nummer heeft 11 cijfers.")],
    )
    agb = models.CharField(
        "AGB-code",
        max_length=8,
        blank=True,
        validators=[RegexValidator(r"^\d{8}$", "AGB-code heeft 8 cijfers.")],
    )
    uzi = models.CharField(
        "UZI-nummer",
        max_length=9,
        blank=True,
        validators=[RegexValidator(r"^\d{6,9}$", "UZI-nummer heeft 6 tot 9 cijfers.")],
    )
    phone = models.CharField("telefoon", max_length=20, blank=True, validators=[phone_validator])

    class Meta:
        verbose_name = "zorgverlener"
        verbose_name_plural = "zorgverleners"
        ordering = ["family_name", "initials"]

    def __str__(self) -> str:
        return f"{self.initials} {self.family_name}".strip()


class ProfessionalRole(models.Model):
    """A professional's role at an organisation, with the number to reach them there."""

    professional = models.ForeignKey(
        Professional, models.CASCADE, related_name="roles", verbose_name="zorgverlener"
    )
    organisation = models.ForeignKey(
        Organisation, models.CASCADE, related_name="staff", verbose_name="organisatie"
    )
    title = models.CharField("functie", max_length=100, blank=True)
    phone = models.CharField("telefoon", max_length=20, blank=True, validators=[phone_validator])
    start = models.DateField("vanaf", null=True, blank=True)
    end = models.DateField("tot en met", null=True, blank=True)

    class Meta:
        verbose_name = "rol bij organisatie"
        verbose_name_plural = "rollen bij organisaties"
        constraints = [
            models.UniqueConstraint(
                fields=["professional", "organisation", "title"], name="role_unique_per_org"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.professional} – {self.organisation}"


class Patient(models.Model):
    """A Wlz patient. The BSN is only stored encrypted, with a keyed hash to find it."""

    code = models.CharField("code", max_length=40, unique=True)
    bsn_encrypted = models.TextField("BSN (versleuteld)", editable=False)
    bsn_hash = models.CharField("BSN-zoeksleutel", max_length=64, unique=True, editable=False)
    given_name = models.CharField("voornaam", max_length=100, blank=True)
    family_name = models.CharField("achternaam", max_length=120)
    birth_date = models.DateField("geboortedatum")
    zorgprofiel = models.CharField("zorgprofiel", max_length=10, choices=ZORGPROFIEL_CHOICES)
    sector = models.CharField("sector", max_length=3, editable=False)
    verstandelijke_beperking = models.BooleanField(
        "verstandelijke beperking vastgelegd", default=False
    )
    leveringsvorm = models.CharField("leveringsvorm", max_length=10, choices=Leveringsvorm.choices)
    behandeling_ingekocht = models.BooleanField("behandeling ingekocht", default=False)
    region = models.ForeignKey(
        Region, models.PROTECT, related_name="patients", verbose_name="regio"
    )
    location = models.ForeignKey(
        Location,
        models.PROTECT,
        null=True,
        blank=True,
        related_name="patients",
        verbose_name="woonlocatie",
    )
    home_postcode = models.CharField(
        "postcode thuis", max_length=7, blank=True, validators=[postcode_validator]
    )
    ion_practice = models.ForeignKey(
        Organisation,
        models.PROTECT,
        null=True,
        blank=True,
        related_name="ion_patients",
        limit_choices_to={"kind": OrganisationKind.HUISARTSENPRAKTIJK},
        verbose_name="ingeschreven bij (ION)",
    )
    ion_chose_other = models.BooleanField(
        "koos een andere huisarts dan de vaste huisarts", default=False
    )
    coordinator = models.ForeignKey(
        Professional,
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="coordinated_patients",
        verbose_name="coördinator niet-medische zorg",
    )
    companion_name = models.CharField("begeleider artsbezoek", max_length=200, blank=True)
    companion_phone = models.CharField(
        "telefoon begeleider", max_length=20, blank=True, validators=[phone_validator]
    )

    class Meta:
        verbose_name = "Wlz-cliënt"
        verbose_name_plural = "Wlz-cliënten"
        ordering = ["family_name", "given_name"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(location__isnull=False) | ~models.Q(home_postcode=""),
                name="patient_has_residence",
                violation_error_message="Een cliënt woont op een locatie of heeft een postcode thuis.",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.given_name} {self.family_name}".strip()

    def save(self, *args, **kwargs) -> None:
        self.sector = sector_of(self.zorgprofiel) or ""
        super().save(*args, **kwargs)

    def set_bsn(self, value: str) -> None:
        error = bsn_error(value)
        if error:
            raise ValidationError({"bsn": error})
        self.bsn_encrypted = bsn_crypto.encrypt(value)
        self.bsn_hash = bsn_crypto.search_key(value)

    @property
    def bsn(self) -> str:
        return bsn_crypto.decrypt(self.bsn_encrypted)


class ContactPerson(models.Model):
    patient = models.ForeignKey(
        Patient, models.CASCADE, related_name="contacts", verbose_name="cliënt"
    )
    name = models.CharField("naam", max_length=200)
    relation = models.CharField("relatie", max_length=100, blank=True)
    phone = models.CharField("telefoon", max_length=20, blank=True, validators=[phone_validator])
    is_first_contact = models.BooleanField("eerste contactpersoon", default=False)

    class Meta:
        verbose_name = "contactpersoon"
        verbose_name_plural = "contactpersonen"

    def __str__(self) -> str:
        return self.name


class CareTeamMember(models.Model):
    """A physician in a patient's care team for a period (end inclusive, open when empty).

    At most one regiebehandelaar MGZ per patient at any day: the database enforces it
    (an exclusion constraint on PostgreSQL, triggers on SQLite; see migration 0002).
    """

    patient = models.ForeignKey(
        Patient, models.CASCADE, related_name="care_team", verbose_name="cliënt"
    )
    professional = models.ForeignKey(
        Professional, models.PROTECT, related_name="care_teams", verbose_name="zorgverlener"
    )
    role = models.CharField("rol", max_length=20, choices=CareTeamRole.choices)
    start = models.DateField("vanaf")
    end = models.DateField("tot en met", null=True, blank=True)

    class Meta:
        verbose_name = "lid van het behandelteam"
        verbose_name_plural = "behandelteam"
        ordering = ["patient", "start"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(end__isnull=True) | models.Q(end__gte=models.F("start")),
                name="careteam_end_after_start",
                violation_error_message="De einddatum ligt voor de begindatum.",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.professional} ({self.get_role_display()})"

    def active_on(self, day: date) -> bool:
        return self.start <= day and (self.end is None or day <= self.end)
