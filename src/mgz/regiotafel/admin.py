from __future__ import annotations

from django.contrib import admin

from mgz.regiotafel.models import (
    ActivityCount,
    Agreement,
    Knelpunt,
    KnelpuntStep,
    Member,
    OpeningException,
    Regiotafel,
)


class MemberInline(admin.TabularInline):
    model = Member
    extra = 0
    autocomplete_fields = ["organisation"]


@admin.register(Regiotafel)
class RegiotafelAdmin(admin.ModelAdmin):
    list_display = ["name", "region", "subregion", "convened_by", "convened_on"]
    list_filter = ["region"]
    inlines = [MemberInline]


@admin.register(Agreement)
class AgreementAdmin(admin.ModelAdmin):
    list_display = ["title", "regiotafel", "kind", "valid_from", "valid_to", "review_date"]
    list_filter = ["kind", "regiotafel"]
    search_fields = ["title"]
    # The document is uploaded through the regiotafel pages, where its content is checked.
    readonly_fields = [
        "document",
        "document_name",
        "document_type",
        "document_size",
        "document_sha256",
    ]
    filter_horizontal = ["parties", "scope_organisations", "scope_locations"]


class StepInline(admin.TabularInline):
    model = KnelpuntStep
    extra = 0
    can_delete = False
    # Moves on the ladder go through mgz.regiotafel.services, never through the admin.
    readonly_fields = [f.name for f in KnelpuntStep._meta.fields if f.name != "id"]

    def has_add_permission(self, request, obj=None) -> bool:
        return False


@admin.register(Knelpunt)
class KnelpuntAdmin(admin.ModelAdmin):
    list_display = ["title", "regiotafel", "status", "step", "raised_on"]
    list_filter = ["status", "step", "regiotafel"]
    readonly_fields = ["status", "step"]
    inlines = [StepInline]


@admin.register(OpeningException)
class OpeningExceptionAdmin(admin.ModelAdmin):
    list_display = ["location", "decided_by", "decided_at"]
    readonly_fields = ["location", "decided_by", "decided_at", "reason", "blocking_findings"]

    def has_add_permission(self, request) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False


@admin.register(ActivityCount)
class ActivityCountAdmin(admin.ModelAdmin):
    list_display = ["regiotafel", "organisation", "kind", "period_start", "period_end", "count"]
    list_filter = ["kind", "regiotafel"]
