"""Audit records for workbook imports and exports: every patient whose data is read or changed.

A national workbook touches ~360,000 patients, so the records are written in batches straight to
the append-only log (mgz.audit), one per patient, as the design asks (who, whom, what, when, why).
"""

from __future__ import annotations

from collections.abc import Iterable

from mgz.audit.models import AuditEvent
from mgz.registry.models import Patient

BATCH = 1000


def record_patients(patient_ids: Iterable[int], *, action: str, reason: str, username: str) -> int:
    """One audit record per patient; the number written."""
    ids = sorted(set(patient_ids))
    written = 0
    for i in range(0, len(ids), BATCH):
        codes = Patient.objects.filter(pk__in=ids[i : i + BATCH]).values_list("pk", "code")
        events = [
            AuditEvent(
                username=username,
                patient_id=pk,
                patient_code=code,
                action=action,
                reason=reason,
            )
            for pk, code in codes
        ]
        AuditEvent.objects.bulk_create(events)
        written += len(events)
    return written
