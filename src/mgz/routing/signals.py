"""Tell the routing index when anything it is built from changes.

Every save, delete or m2m change of a model the index reads renews a version token in the same
transaction (so a rolled-back change invalidates nothing elsewhere) and marks this process's
index stale at once; other processes see the token within a second. Three tokens keep the work
in proportion: registry and arrangement changes rebuild the index, absence changes patch only
the timelines of the people concerned, handover changes only drop a cache.
Bulk operations (bulk_create, QuerySet.update) send no signals: code that uses them calls
`mgz.routing.services.invalidate()` itself, or `mgz routing_invalidate`.
"""

from __future__ import annotations

from django.db.models.signals import m2m_changed, post_delete, post_save

from mgz.availability.models import Absence, Arrangement
from mgz.registry.models import (
    CareTeamMember,
    Location,
    Organisation,
    Patient,
    Professional,
    Region,
    Subregion,
)

WATCHED = (
    Arrangement,
    CareTeamMember,
    Patient,
    Location,
    Professional,
    Organisation,
    Region,
    Subregion,
)


def _changed(sender, **kwargs) -> None:
    from mgz.routing.services import invalidate

    invalidate()


def _absence_changed(sender, **kwargs) -> None:
    from mgz.routing.services import ABSENCE_TOKEN, invalidate

    invalidate(ABSENCE_TOKEN)  # a patch of the people concerned, not a rebuild


def _handover_changed(sender, **kwargs) -> None:
    from mgz.routing.services import HANDOVER_TOKEN, invalidate

    invalidate(HANDOVER_TOKEN)


def _m2m_changed(sender, action: str, **kwargs) -> None:
    if action in ("post_add", "post_remove", "post_clear"):
        _changed(sender)


def connect() -> None:
    for model in WATCHED:
        post_save.connect(_changed, sender=model, dispatch_uid=f"routing-save-{model.__name__}")
        post_delete.connect(_changed, sender=model, dispatch_uid=f"routing-delete-{model.__name__}")
    post_save.connect(_absence_changed, sender=Absence, dispatch_uid="routing-absence-save")
    post_delete.connect(_absence_changed, sender=Absence, dispatch_uid="routing-absence-delete")
    from mgz.handover.models import AdvanceDirective, HandoverDocument, TreatmentDirective
    from mgz.registry.models import ContactPerson

    # The handover summary is cached separately: editing it must not rebuild the index.
    for model in (HandoverDocument, TreatmentDirective, AdvanceDirective, ContactPerson):
        post_save.connect(
            _handover_changed, sender=model, dispatch_uid=f"routing-ho-save-{model.__name__}"
        )
        post_delete.connect(
            _handover_changed, sender=model, dispatch_uid=f"routing-ho-delete-{model.__name__}"
        )
    for through in (Arrangement.locations.through, Arrangement.patients.through):
        m2m_changed.connect(_m2m_changed, sender=through, dispatch_uid=f"routing-m2m-{through}")
