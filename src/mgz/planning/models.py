"""A planning job: one run of the roster or assignment engine, and what became of its result."""

from __future__ import annotations

from django.conf import settings
from django.db import models

from mgz.registry.models import Region


class PlanningJob(models.Model):
    """Parameters in, a JSON result out; accepted results are written back as arrangements."""

    class Kind(models.TextChoices):
        ROSTER = "roster", "ANW-rooster SO/AVG"
        ASSIGN = "assign", "Toewijzing vaste huisarts"

    class Status(models.TextChoices):
        QUEUED = "queued", "In de wachtrij"
        RUNNING = "running", "Bezig"
        DONE = "done", "Klaar"
        FAILED = "failed", "Mislukt"
        ACCEPTED = "accepted", "Geaccepteerd"
        DISCARDED = "discarded", "Verworpen"

    kind = models.CharField("soort", max_length=10, choices=Kind.choices)
    region = models.ForeignKey(Region, models.CASCADE, related_name="+", verbose_name="regio")
    parameters = models.JSONField("parameters", default=dict)
    status = models.CharField(
        "status", max_length=10, choices=Status.choices, default=Status.QUEUED
    )
    progress = models.PositiveSmallIntegerField("voortgang (%)", default=0)
    result = models.JSONField("resultaat", null=True, blank=True)
    messages = models.TextField("meldingen", blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="gestart door",
    )
    created_at = models.DateTimeField("gestart", auto_now_add=True)
    finished_at = models.DateTimeField("klaar", null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="geaccepteerd/verworpen door",
    )
    decided_at = models.DateTimeField("besloten", null=True, blank=True)

    class Meta:
        verbose_name = "planningsopdracht"
        verbose_name_plural = "planningsopdrachten"
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.region} #{self.pk}"

    @property
    def finished(self) -> bool:
        return self.status not in (self.Status.QUEUED, self.Status.RUNNING)

    @property
    def code_prefix(self) -> str:
        """Arrangement codes of an accepted result start with this, so accepting is idempotent."""
        return f"{'ROOSTER' if self.kind == self.Kind.ROSTER else 'VASTEHA'}-{self.pk}-"
