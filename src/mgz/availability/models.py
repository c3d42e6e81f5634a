"""Availability: who covers which function, for whom, in which mode, when."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import models

from mgz.availability.constants import AbsenceKind, Function, Mode, ScopeKind
from mgz.core.weekpattern import PatternError, parse_pattern
from mgz.registry.constants import Sector
from mgz.registry.models import (
    Location,
    Organisation,
    Patient,
    Professional,
    Region,
    Subregion,
    phone_validator,
)


def validate_pattern(value: str) -> None:
    try:
        parse_pattern(value)
    except PatternError as error:
        raise ValidationError(str(error)) from error


class Arrangement(models.Model):
    """A beschikbaarheidsafspraak: one provider, one function, one scope, one weekly pattern.

    The provider is a professional, or a service of an organisation (a HAP, a voorwacht pool).
    """

    code = models.CharField("code", max_length=40, unique=True)
    function = models.CharField("functie", max_length=30, choices=Function.choices)
    mode = models.CharField("wijze", max_length=12, choices=Mode.choices)
    professional = models.ForeignKey(
        Professional,
        models.CASCADE,
        null=True,
        blank=True,
        related_name="arrangements",
        verbose_name="zorgverlener",
    )
    provider_organisation = models.ForeignKey(
        Organisation,
        models.CASCADE,
        null=True,
        blank=True,
        related_name="services",
        verbose_name="dienst van organisatie",
    )
    scope_kind = models.CharField("bereik", max_length=15, choices=ScopeKind.choices)
    locations = models.ManyToManyField(
        Location, blank=True, related_name="arrangements", verbose_name="locaties"
    )
    patients = models.ManyToManyField(
        Patient, blank=True, related_name="arrangements", verbose_name="cliënten"
    )
    scope_organisation = models.ForeignKey(
        Organisation,
        models.CASCADE,
        null=True,
        blank=True,
        related_name="covered_by",
        verbose_name="voor organisatie",
    )
    scope_region = models.ForeignKey(
        Region, models.CASCADE, null=True, blank=True, related_name="+", verbose_name="voor regio"
    )
    scope_subregion = models.ForeignKey(
        Subregion,
        models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="voor subregio",
    )
    scope_sector = models.CharField("voor sector", max_length=3, choices=Sector.choices, blank=True)
    pattern = models.CharField(
        "uren",
        max_length=500,
        validators=[validate_pattern],
        help_text="Bijvoorbeeld 'ma-vr 08:00-17:00', 'anw', 'ma-vr 17:00-08:00; za-zo 00:00-24:00; fd 00:00-24:00'.",
    )
    valid_from = models.DateField("geldig vanaf")
    valid_to = models.DateField("geldig tot en met", null=True, blank=True)
    phone = models.CharField("telefoon", max_length=20, validators=[phone_validator])
    note = models.CharField("toelichting", max_length=300, blank=True)

    class Meta:
        verbose_name = "beschikbaarheidsafspraak"
        verbose_name_plural = "beschikbaarheidsafspraken"
        constraints = [
            models.CheckConstraint(
                condition=models.Q(professional__isnull=False)
                | models.Q(provider_organisation__isnull=False),
                name="arrangement_has_provider",
                violation_error_message="Een afspraak heeft een zorgverlener of een dienst van een organisatie.",
            ),
            models.CheckConstraint(
                condition=models.Q(valid_to__isnull=True)
                | models.Q(valid_to__gte=models.F("valid_from")),
                name="arrangement_end_after_start",
                violation_error_message="De einddatum ligt voor de begindatum.",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.provider_name}: {self.get_function_display()} ({self.get_mode_display()})"

    @property
    def provider_name(self) -> str:
        return str(self.professional or self.provider_organisation)


class Absence(models.Model):
    """A professional's absence; the replacement takes over their arrangements meanwhile."""

    professional = models.ForeignKey(
        Professional, models.CASCADE, related_name="absences", verbose_name="zorgverlener"
    )
    kind = models.CharField("soort", max_length=10, choices=AbsenceKind.choices)
    start = models.DateTimeField("vanaf")
    end = models.DateTimeField("tot")
    replacement = models.ForeignKey(
        Professional,
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="replacing",
        verbose_name="vervanger",
    )
    replacement_phone = models.CharField(
        "telefoon vervanger", max_length=20, blank=True, validators=[phone_validator]
    )

    class Meta:
        verbose_name = "afwezigheid"
        verbose_name_plural = "afwezigheden"
        constraints = [
            models.CheckConstraint(
                condition=models.Q(end__gt=models.F("start")),
                name="absence_end_after_start",
                violation_error_message="Het einde van de afwezigheid ligt voor het begin.",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.professional} afwezig ({self.get_kind_display()})"
