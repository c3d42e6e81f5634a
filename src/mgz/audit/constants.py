from __future__ import annotations

from django.db import models


class Action(models.TextChoices):
    VIEW = "view", "Bekeken"
    LOOKUP = "lookup", "Opgezocht (Wie bel ik nu?)"
    CHANGE = "change", "Gewijzigd"
    EXPORT = "export", "Geëxporteerd"
    BREAK_GLASS = "break_glass", "Toegang met reden (break the glass)"
    DENIED = "denied", "Toegang geweigerd"
