from django.contrib import admin

from mgz.availability import models


@admin.register(models.Arrangement)
class ArrangementAdmin(admin.ModelAdmin):
    list_display = [
        "code",
        "provider_name",
        "function",
        "mode",
        "scope_kind",
        "pattern",
        "valid_from",
        "valid_to",
    ]
    list_filter = ["function", "mode", "scope_kind"]
    search_fields = ["code", "professional__family_name", "provider_organisation__name"]
    autocomplete_fields = [
        "professional",
        "provider_organisation",
        "scope_organisation",
        "locations",
        "patients",
    ]


@admin.register(models.Absence)
class AbsenceAdmin(admin.ModelAdmin):
    list_display = ["professional", "kind", "start", "end", "replacement"]
    list_filter = ["kind"]
    autocomplete_fields = ["professional", "replacement"]
