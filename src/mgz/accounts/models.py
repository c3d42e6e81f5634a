"""Who a user is on the platform: one role, scoped to an organisation or a region."""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models

from mgz.accounts.constants import OTP_REQUIRED_ROLES, Role
from mgz.registry.models import Organisation, Professional, Region


class Membership(models.Model):
    """A user's role and scope. One per user: a person with two jobs gets two accounts,
    so that every audit record names exactly one role and organisation."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        models.CASCADE,
        related_name="membership",
        verbose_name="gebruiker",
    )
    role = models.CharField("rol", max_length=30, choices=Role.choices)
    organisation = models.ForeignKey(
        Organisation,
        models.PROTECT,
        null=True,
        blank=True,
        related_name="memberships",
        verbose_name="organisatie",
    )
    region = models.ForeignKey(
        Region,
        models.PROTECT,
        null=True,
        blank=True,
        related_name="memberships",
        verbose_name="regio",
    )
    professional = models.ForeignKey(
        Professional,
        models.PROTECT,
        null=True,
        blank=True,
        related_name="memberships",
        verbose_name="zorgverlener",
        help_text="Voor artsen: de zorgverlener in het register (bepaalt de behandelrelatie).",
    )

    class Meta:
        verbose_name = "rol van gebruiker"
        verbose_name_plural = "rollen van gebruikers"

    def __str__(self) -> str:
        return f"{self.user} – {self.get_role_display()}"

    def clean(self) -> None:
        if self.role in (Role.REGIO_COORDINATOR, Role.REGIOTAFEL_LID) and not self.region_id:
            raise ValidationError({"region": "Deze rol hoort bij een regio."})
        if self.role in (Role.AANBIEDER_COORDINATOR, Role.HAP) and not self.organisation_id:
            raise ValidationError({"organisation": "Deze rol hoort bij een organisatie."})
        if self.role == Role.ARTS and not self.professional_id:
            raise ValidationError({"professional": "Een arts is gekoppeld aan een zorgverlener."})

    @property
    def requires_otp(self) -> bool:
        return self.role in OTP_REQUIRED_ROLES

    @property
    def scope_region_id(self) -> int | None:
        """The region this membership looks at: its own, or its organisation's."""
        if self.region_id:
            return self.region_id
        return self.organisation.region_id if self.organisation_id else None
