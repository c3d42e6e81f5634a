"""The routing index's version: one row whose token changes whenever routing data change."""

from __future__ import annotations

from django.db import models


class RouteIndexVersion(models.Model):
    """Changed in the same transaction as the data; each process compares it at most once a
    second with the token its in-memory index was built from (see services.py)."""

    token = models.CharField("versie", max_length=32)
    changed_at = models.DateTimeField("gewijzigd op", auto_now=True)

    class Meta:
        verbose_name = "versie routeringsindex"
        verbose_name_plural = "versies routeringsindex"

    def __str__(self) -> str:
        return self.token
