from __future__ import annotations

from django import template

from mgz.core.findings import format_duration

register = template.Library()


@register.filter
def get_item(mapping: dict, key):
    return mapping.get(key) if mapping else None


@register.filter
def hours(minutes: int) -> str:
    return format_duration(int(minutes or 0))
