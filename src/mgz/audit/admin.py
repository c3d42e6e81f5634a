from __future__ import annotations

from django.contrib import admin

from mgz.audit.models import AuditEvent


@admin.register(AuditEvent)
class AuditEventAdmin(admin.ModelAdmin):
    """Read-only: the log is append-only, also for the beheerder."""

    list_display = ("at", "username", "role", "patient_code", "action", "break_glass", "flagged")
    list_filter = ("action", "flagged")

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False

    def has_view_permission(self, request, obj=None) -> bool:
        from mgz.accounts.access import can_view_audit

        return can_view_audit(request.user).allowed
