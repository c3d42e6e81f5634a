"""Server-rendered SVG pictures: no chart library, no script, nothing for the CSP to allow."""

from __future__ import annotations

from datetime import datetime

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from mgz.core.weekpattern import DAY_CODES

STATUS_FILL = {"groen": "#1a7f37", "oranje": "#b35900", "rood": "#c62828"}


def _shade(value: int, top: int) -> str:
    """White to dark red; zero stays white so 'covered' reads as empty."""
    if value <= 0 or top <= 0:
        return "#ffffff"
    level = min(1.0, value / top)
    red = 255 - int(level * 80)
    other = 235 - int(level * 205)
    return f"#{red:02x}{other:02x}{other:02x}"


def heatmap_svg(rows: list[tuple[str, list[int]]], *, title: str) -> SafeString:
    """Hour of the week (columns) × location (rows); darker is more uncovered time."""
    if not rows:
        return mark_safe("")
    cell_w, cell_h, left, top = 5, 16, 190, 24
    width = left + 168 * cell_w + 10
    height = top + len(rows) * cell_h + 10
    peak = max((max(bins) for _, bins in rows), default=0)
    parts = [
        f'<svg class="chart heatmap" viewBox="0 0 {width} {height}" role="img" '
        f'aria-labelledby="hm-title" xmlns="http://www.w3.org/2000/svg">',
        f'<title id="hm-title">{escape(title)}</title>',
    ]
    for day in range(7):
        x = left + day * 24 * cell_w
        parts.append(
            f'<text x="{x + 2}" y="14" font-size="11" fill="#222">{DAY_CODES[day]}</text>'
            f'<line x1="{x}" y1="{top - 4}" x2="{x}" y2="{height - 8}" stroke="#999" stroke-width="0.5"/>'
        )
    for r, (label, bins) in enumerate(rows):
        y = top + r * cell_h
        short = label if len(label) <= 28 else label[:27] + "…"
        parts.append(f'<text x="0" y="{y + 12}" font-size="11" fill="#222">{escape(short)}</text>')
        for h, minutes in enumerate(bins):
            if minutes:
                parts.append(
                    f'<rect x="{left + h * cell_w}" y="{y}" width="{cell_w}" height="{cell_h - 2}" '
                    f'fill="{_shade(minutes, peak)}"/>'
                )
    parts.append("</svg>")
    return mark_safe("".join(parts))


def trend_svg(points: list[tuple[datetime, int]], *, title: str) -> SafeString:
    """Failing subjects per run, oldest left."""
    if len(points) < 2:
        return mark_safe("")
    width, height, pad = 600, 160, 30
    peak = max(value for _, value in points) or 1
    step = (width - 2 * pad) / (len(points) - 1)
    coords = [
        (pad + i * step, height - pad - (value / peak) * (height - 2 * pad))
        for i, (_, value) in enumerate(points)
    ]
    path = " ".join(f"{x:.1f},{y:.1f}" for x, y in coords)
    parts = [
        f'<svg class="chart trend" viewBox="0 0 {width} {height}" role="img" '
        f'aria-labelledby="tr-title" xmlns="http://www.w3.org/2000/svg">',
        f'<title id="tr-title">{escape(title)}</title>',
        f'<line x1="{pad}" y1="{height - pad}" x2="{width - pad}" y2="{height - pad}" stroke="#666"/>',
        f'<polyline points="{path}" fill="none" stroke="#0b5cad" stroke-width="2"/>',
    ]
    for (x, y), (_moment, value) in zip(coords, points, strict=True):
        parts.append(f'<circle cx="{x:.1f}" cy="{y:.1f}" r="3" fill="#0b5cad"/>')
        parts.append(
            f'<text x="{x:.1f}" y="{y - 6:.1f}" font-size="10" text-anchor="middle" fill="#222">{value}</text>'
        )
    first, last = points[0][0], points[-1][0]
    parts.append(
        f'<text x="{pad}" y="{height - 10}" font-size="10" fill="#222">{first:%d-%m}</text>'
        f'<text x="{width - pad}" y="{height - 10}" font-size="10" text-anchor="end" fill="#222">{last:%d-%m}</text>'
    )
    parts.append("</svg>")
    return mark_safe("".join(parts))


def status_bar_svg(green: int, amber: int, red: int, *, title: str) -> SafeString:
    """One horizontal bar split into green/amber/red shares."""
    total = green + amber + red
    if total == 0:
        return mark_safe("")
    width, height = 600, 28
    parts = [
        f'<svg class="chart statusbar" viewBox="0 0 {width} {height}" role="img" '
        f'aria-labelledby="sb-title" xmlns="http://www.w3.org/2000/svg">',
        f'<title id="sb-title">{escape(title)}</title>',
    ]
    x = 0.0
    for value, status in ((green, "groen"), (amber, "oranje"), (red, "rood")):
        w = width * value / total
        if w:
            parts.append(
                f'<rect x="{x:.1f}" y="0" width="{w:.1f}" height="{height}" fill="{STATUS_FILL[status]}"/>'
            )
        x += w
    parts.append("</svg>")
    return mark_safe("".join(parts))
