"""Admin: read-mostly views of transfers and handover versions; history is never edited here."""

from __future__ import annotations

from django.contrib import admin

from mgz.handover.models import (
    AdvanceDirective,
    HandoverDocument,
    RegieTransfer,
    TransferEvent,
    TreatmentDirective,
)


class TransferEventInline(admin.TabularInline):
    model = TransferEvent
    extra = 0
    can_delete = False
    readonly_fields = ["at", "kind", "professional", "user", "note"]

    def has_add_permission(self, request, obj=None) -> bool:
        return False


@admin.register(RegieTransfer)
class RegieTransferAdmin(admin.ModelAdmin):
    list_display = [
        "patient",
        "from_professional",
        "to_professional",
        "scope",
        "status",
        "effective_date",
    ]
    list_filter = ["status", "scope"]
    search_fields = [
        "patient__code",
        "to_professional__family_name",
        "from_professional__family_name",
    ]
    raw_id_fields = ["patient", "from_professional", "to_professional", "proposed_by"]
    inlines = [TransferEventInline]
    # Changes go through the workflow (services), which keeps both consents and the history.
    readonly_fields = [f.name for f in RegieTransfer._meta.fields]


class TreatmentDirectiveInline(admin.TabularInline):
    model = TreatmentDirective
    extra = 0


class AdvanceDirectiveInline(admin.TabularInline):
    model = AdvanceDirective
    extra = 0


@admin.register(HandoverDocument)
class HandoverDocumentAdmin(admin.ModelAdmin):
    list_display = ["patient", "version", "author", "author_role", "created_at", "review_date"]
    list_filter = ["author_role"]
    search_fields = ["patient__code"]
    raw_id_fields = ["patient", "author"]
    inlines = [TreatmentDirectiveInline, AdvanceDirectiveInline]
