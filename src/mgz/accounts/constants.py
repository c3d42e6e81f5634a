"""The roles of the platform; codes are stable (they appear in the audit log)."""

from __future__ import annotations

from django.db import models


class Role(models.TextChoices):
    REGIO_COORDINATOR = "regio_coordinator", "Regio-coördinator (zorgkantoor/zorgverzekeraar)"
    REGIOTAFEL_LID = "regiotafel_lid", "Regiotafel-lid"
    AANBIEDER_COORDINATOR = "aanbieder_coordinator", "Zorgaanbieder-coördinator"
    ARTS = "arts", "Arts (HA, SO, AVG)"
    HAP = "hap", "HAP-triagist / HAP-arts"
    PRIVACY_OFFICER = "privacy_officer", "Functionaris gegevensbescherming"
    BEHEERDER = "beheerder", "Beheerder"


# Roles that can ever see a patient's data (some only after giving a reason). They, and the
# privacy officer (the audit log names patients), must use a second factor.
PATIENT_DATA_ROLES = frozenset({Role.AANBIEDER_COORDINATOR, Role.ARTS, Role.HAP, Role.BEHEERDER})
OTP_REQUIRED_ROLES = PATIENT_DATA_ROLES | {Role.PRIVACY_OFFICER}
# Roles that see regions only as aggregates.
AGGREGATE_ROLES = frozenset({Role.REGIO_COORDINATOR, Role.REGIOTAFEL_LID})
