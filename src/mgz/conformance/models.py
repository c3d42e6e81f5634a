"""Stored conformance runs and their findings, so a trend over time can be shown."""

from __future__ import annotations

from django.db import models
from django.utils import timezone

from mgz.registry.models import Region


class Run(models.Model):
    """One evaluation: its horizon, its scope, how long it took and what it found."""

    class Trigger(models.TextChoices):
        FULL = "volledig", "Volledige toets"
        INCREMENTAL = "incrementeel", "Hertoets na wijziging"

    started = models.DateTimeField("gestart", default=timezone.now, db_index=True)
    horizon_start = models.DateField("horizon vanaf")
    horizon_days = models.PositiveSmallIntegerField("horizon (dagen)")
    scope = models.CharField("bereik", max_length=200, default="alles")
    region = models.ForeignKey(
        Region,
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="conformance_runs",
        verbose_name="regio",
    )
    trigger = models.CharField(
        "aanleiding", max_length=15, choices=Trigger.choices, default=Trigger.FULL
    )
    findings_count = models.PositiveIntegerField("bevindingen", default=0)
    errors_count = models.PositiveIntegerField("fouten", default=0)
    warnings_count = models.PositiveIntegerField("waarschuwingen", default=0)
    not_assessable_count = models.PositiveIntegerField("niet te beoordelen", default=0)
    summary = models.JSONField("samenvatting per regel", default=list)
    load_seconds = models.FloatField("laden (s)", default=0)
    evaluation_seconds = models.FloatField("toetsen (s)", default=0)

    class Meta:
        verbose_name = "toetsing"
        verbose_name_plural = "toetsingen"
        ordering = ["-started"]

    def __str__(self) -> str:
        return f"Toetsing {self.started:%d-%m-%Y %H:%M} ({self.scope})"


class Finding(models.Model):
    """A rule violated (or not assessable) for one subject, with its local time intervals."""

    run = models.ForeignKey(Run, models.CASCADE, related_name="findings", verbose_name="toetsing")
    rule_id = models.CharField("regel", max_length=20)
    subject_kind = models.CharField("soort onderwerp", max_length=15)
    subject_id = models.PositiveBigIntegerField("onderwerp-id")
    subject_label = models.CharField("onderwerp", max_length=300)
    aspect = models.CharField("deel", max_length=30, blank=True)
    severity = models.CharField("ernst", max_length=10)
    status = models.CharField("status", max_length=20)
    intervals = models.JSONField("tijdvakken", default=list)
    uncovered_minutes = models.PositiveIntegerField("minuten niet gedekt", default=0)
    message = models.TextField("bevinding")
    suggestion = models.TextField("voorstel")

    class Meta:
        verbose_name = "bevinding"
        verbose_name_plural = "bevindingen"
        indexes = [
            models.Index(fields=["run", "rule_id"], name="finding_run_rule"),
            models.Index(fields=["subject_kind", "subject_id"], name="finding_subject"),
        ]

    def __str__(self) -> str:
        return f"{self.rule_id} – {self.subject_label}"
