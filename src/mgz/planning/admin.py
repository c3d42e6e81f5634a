from __future__ import annotations

from django.contrib import admin

from mgz.planning.models import PlanningJob


@admin.register(PlanningJob)
class PlanningJobAdmin(admin.ModelAdmin):
    list_display = ("id", "kind", "region", "status", "progress", "created_by", "created_at")
    list_filter = ("kind", "status", "region")
    readonly_fields = ("result", "created_at", "finished_at", "decided_by", "decided_at")
