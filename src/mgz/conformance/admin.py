from __future__ import annotations

from django.contrib import admin

from mgz.conformance.models import Finding, Run


@admin.register(Run)
class RunAdmin(admin.ModelAdmin):
    list_display = (
        "started",
        "scope",
        "trigger",
        "horizon_start",
        "horizon_days",
        "findings_count",
        "errors_count",
        "warnings_count",
        "not_assessable_count",
    )
    list_filter = ("trigger", "region")
    readonly_fields = [f.name for f in Run._meta.fields]


@admin.register(Finding)
class FindingAdmin(admin.ModelAdmin):
    list_display = ("rule_id", "subject_label", "severity", "status", "uncovered_minutes", "run")
    list_filter = ("rule_id", "severity", "status", "subject_kind")
    search_fields = ("subject_label", "message")
    list_select_related = ("run",)
    readonly_fields = [f.name for f in Finding._meta.fields]
