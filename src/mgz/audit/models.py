"""The audit log of patient data (NEN 7513 in spirit): append-only, in the database itself.

No foreign keys: deleting a user or a patient must never touch (or be blocked by) the log,
so the record keeps ids and a readable label. Migration 0002 adds triggers that refuse
UPDATE and DELETE on both SQLite and PostgreSQL; the model refuses them too.
"""

from __future__ import annotations

from django.db import models
from django.utils import timezone

from mgz.audit.constants import Action


class AppendOnlyError(Exception):
    """Audit records cannot be changed or deleted."""


class AuditQuerySet(models.QuerySet):
    def update(self, **kwargs):
        raise AppendOnlyError("Auditregels kunnen niet worden gewijzigd.")

    def delete(self):
        raise AppendOnlyError("Auditregels kunnen niet worden verwijderd.")


class AuditEvent(models.Model):
    at = models.DateTimeField("tijdstip", default=timezone.now, db_index=True)
    user_id = models.IntegerField("gebruiker-id", null=True)
    username = models.CharField("gebruiker", max_length=150)
    role = models.CharField("rol", max_length=30, blank=True)
    organisation_id = models.IntegerField("organisatie-id", null=True)
    organisation_name = models.CharField("organisatie", max_length=200, blank=True)
    patient_id = models.IntegerField("cliënt-id", null=True, db_index=True)
    patient_code = models.CharField("cliënt", max_length=40, blank=True)
    action = models.CharField("handeling", max_length=20, choices=Action.choices)
    relation = models.CharField("grondslag", max_length=30, blank=True)
    reason = models.TextField("reden", blank=True)
    break_glass = models.BooleanField("break the glass", default=False)
    flagged = models.BooleanField("te beoordelen", default=False, db_index=True)
    request_id = models.CharField("request-id", max_length=40, blank=True)
    path = models.CharField("pagina", max_length=300, blank=True)

    objects = AuditQuerySet.as_manager()

    class Meta:
        verbose_name = "auditregel"
        verbose_name_plural = "auditlog"
        ordering = ["-at", "-id"]

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M} {self.username} {self.action} {self.patient_code}"

    def save(self, *args, **kwargs) -> None:
        if self.pk is not None or not self._state.adding:
            raise AppendOnlyError("Auditregels kunnen niet worden gewijzigd.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise AppendOnlyError("Auditregels kunnen niet worden verwijderd.")
