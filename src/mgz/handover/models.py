"""Regiebehandelaarschap transfers (2.2.3, 2.2.4, 2.4.3, 2.4.4) and the patient handover (2.1.3.e).

A transfer keeps its whole history (TransferEvent is append-only); the care team itself lives in
registry.CareTeamMember and is changed only by the transfer service. A handover document is
never edited: every change is a new version, so the HAP can always tell what it was shown.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models

from mgz.handover.constants import (
    AdvanceDirectiveKind,
    AuthorRole,
    Decision,
    TransferEventKind,
    TransferScope,
    TransferStatus,
    Treatment,
)
from mgz.registry.models import Patient, Professional


class RegieTransfer(models.Model):
    """A proposed move of the regiebehandelaarschap MGZ from one physician to another."""

    patient = models.ForeignKey(
        Patient, models.CASCADE, related_name="regie_transfers", verbose_name="cliënt"
    )
    from_professional = models.ForeignKey(
        Professional,
        models.PROTECT,
        null=True,
        blank=True,
        related_name="transfers_out",
        verbose_name="van (huidige regiebehandelaar)",
    )
    to_professional = models.ForeignKey(
        Professional, models.PROTECT, related_name="transfers_in", verbose_name="naar"
    )
    proposed_by = models.ForeignKey(
        Professional, models.PROTECT, related_name="+", verbose_name="voorgesteld door"
    )
    reason = models.TextField("reden")
    scope = models.CharField(
        "omvang", max_length=12, choices=TransferScope.choices, default=TransferScope.ALLE_MGZ
    )
    problem = models.CharField("afgebakend probleem", max_length=300, blank=True)
    status = models.CharField(
        "status", max_length=12, choices=TransferStatus.choices, default=TransferStatus.VOORGESTELD
    )
    proposed_at = models.DateTimeField("voorgesteld op", auto_now_add=True)
    from_agreed_at = models.DateTimeField("akkoord huidige regiebehandelaar", null=True, blank=True)
    to_agreed_at = models.DateTimeField("akkoord nieuwe regiebehandelaar", null=True, blank=True)
    decline_reason = models.TextField("reden afwijzing", blank=True)
    conversation_date = models.DateField("gesprek met cliënt/naasten op", null=True, blank=True)
    conversation_with = models.CharField("gesprek met", max_length=300, blank=True)
    conversation_outcome = models.TextField("uitkomst gesprek", blank=True)
    fallback_agreement = models.TextField(
        "terugvalafspraak (2.2.6)",
        blank=True,
        help_text="Wie de zorg overneemt als de SO/AVG de behandeling beëindigt, zodat de cliënt "
        "niet ongemerkt terugvalt op de huisarts.",
    )
    effective_date = models.DateField("ingangsdatum", null=True, blank=True)
    completed_at = models.DateTimeField("afgerond op", null=True, blank=True)

    class Meta:
        verbose_name = "overdracht regiebehandelaarschap"
        verbose_name_plural = "overdrachten regiebehandelaarschap"
        ordering = ["-proposed_at"]
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(from_professional=models.F("to_professional")),
                name="transfer_to_other_physician",
                violation_error_message="Een overdracht gaat naar een andere arts.",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.patient}: {self.from_professional or '–'} → {self.to_professional}"

    @property
    def is_open(self) -> bool:
        return self.status in (TransferStatus.VOORGESTELD, TransferStatus.GEACCEPTEERD)

    @property
    def conversation_recorded(self) -> bool:
        return bool(self.conversation_date and self.conversation_with and self.conversation_outcome)


class TransferEvent(models.Model):
    """One step in a transfer's history; never changed or deleted."""

    transfer = models.ForeignKey(
        RegieTransfer, models.CASCADE, related_name="events", verbose_name="overdracht"
    )
    at = models.DateTimeField("tijdstip", auto_now_add=True)
    kind = models.CharField("stap", max_length=12, choices=TransferEventKind.choices)
    professional = models.ForeignKey(
        Professional, models.PROTECT, null=True, blank=True, related_name="+", verbose_name="door"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.SET_NULL, null=True, blank=True, related_name="+"
    )
    note = models.TextField("toelichting", blank=True)

    class Meta:
        verbose_name = "stap in overdracht"
        verbose_name_plural = "stappen in overdracht"
        ordering = ["at", "id"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} ({self.at:%d-%m-%Y %H:%M})"


class HandoverDocument(models.Model):
    """One version of a patient's handover (patiëntenoverdracht) for HAP, GP and location."""

    patient = models.ForeignKey(
        Patient, models.CASCADE, related_name="handover_documents", verbose_name="cliënt"
    )
    version = models.PositiveIntegerField("versie")
    author = models.ForeignKey(
        Professional,
        models.PROTECT,
        null=True,
        blank=True,
        related_name="handover_documents",
        verbose_name="opgesteld door",
    )
    author_role = models.CharField("als", max_length=20, choices=AuthorRole.choices)
    created_at = models.DateTimeField("vastgelegd op", auto_now_add=True)
    review_date = models.DateField("herzien uiterlijk op")
    bejegeningsadvies = models.TextField("bejegeningsadvies", blank=True)
    normaal_gedrag = models.TextField("normaal gedrag", blank=True)
    note = models.TextField("toelichting", blank=True)

    class Meta:
        verbose_name = "patiëntenoverdracht"
        verbose_name_plural = "patiëntenoverdrachten"
        ordering = ["patient", "-version"]
        constraints = [
            models.UniqueConstraint(fields=["patient", "version"], name="handover_version_unique"),
        ]

    def __str__(self) -> str:
        return f"Overdracht {self.patient} v{self.version}"


class TreatmentDirective(models.Model):
    """A behandelwens/-grens (zib BehandelAanwijzing2) within one handover version."""

    document = models.ForeignKey(
        HandoverDocument, models.CASCADE, related_name="directives", verbose_name="overdracht"
    )
    treatment = models.CharField("behandeling", max_length=12, choices=Treatment.choices)
    treatment_text = models.CharField(
        "behandeling (anders)", max_length=200, blank=True, help_text="Alleen bij 'Anders'."
    )
    decision = models.CharField("besluit", max_length=8, choices=Decision.choices)
    specification = models.TextField(
        "specificatie besluit", blank=True, help_text="Verplicht bij besluit 'Anders'."
    )
    conditions = models.TextField("voorwaarden / toelichting", blank=True)
    agreed_on = models.DateField("besproken op", null=True, blank=True)
    expired_on = models.DateField("beëindigd op", null=True, blank=True)
    reason_for_ending = models.CharField("reden beëindiging", max_length=300, blank=True)

    class Meta:
        verbose_name = "behandelaanwijzing"
        verbose_name_plural = "behandelaanwijzingen"
        ordering = ["document", "id"]

    def __str__(self) -> str:
        return f"{self.treatment_label}: {self.get_decision_display()}"

    @property
    def treatment_label(self) -> str:
        if self.treatment == Treatment.ANDERS and self.treatment_text:
            return self.treatment_text
        return Treatment(self.treatment).label


class AdvanceDirective(models.Model):
    """A wilsverklaring (zib Wilsverklaring) the handover points to."""

    document = models.ForeignKey(
        HandoverDocument,
        models.CASCADE,
        related_name="advance_directives",
        verbose_name="overdracht",
    )
    kind = models.CharField("soort", max_length=8, choices=AdvanceDirectiveKind.choices)
    kind_text = models.CharField("soort (anders)", max_length=200, blank=True)
    signed_on = models.DateField("datum", null=True, blank=True)
    representative = models.CharField("vertegenwoordiger", max_length=200, blank=True)
    comment = models.TextField("toelichting", blank=True)

    class Meta:
        verbose_name = "wilsverklaring"
        verbose_name_plural = "wilsverklaringen"
        ordering = ["document", "id"]

    def __str__(self) -> str:
        return self.get_kind_display()
