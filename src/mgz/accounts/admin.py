from __future__ import annotations

from django.contrib import admin

from mgz.accounts.models import Membership


@admin.register(Membership)
class MembershipAdmin(admin.ModelAdmin):
    list_display = ("user", "role", "organisation", "region", "professional")
    list_filter = ("role",)
    raw_id_fields = ("organisation", "region", "professional")
    search_fields = ("user__username",)
