"""Server-rendered SVG charts for the report: no JavaScript, so they print in the PDF.

Every label passes through `escape`; the functions return SVG text safe to mark as such.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from html import escape

FONT = "font-family='DejaVu Sans, Arial, sans-serif'"


def share_colour(share: float | None) -> str:
    """Green at 100 % of subjects without findings, through amber, to red at 50 % or less."""
    if share is None:
        return "#e5e7eb"  # grey: nothing to judge
    t = max(0.0, min(1.0, (share - 0.5) / 0.5))
    if t >= 0.5:  # amber → green
        u = (t - 0.5) * 2
        r, g, b = _mix((245, 158, 11), (22, 163, 74), u)
    else:  # red → amber
        r, g, b = _mix((220, 38, 38), (245, 158, 11), t * 2)
    return f"#{r:02x}{g:02x}{b:02x}"


def _mix(a: tuple[int, int, int], b: tuple[int, int, int], u: float) -> tuple[int, int, int]:
    return tuple(round(x + (y - x) * u) for x, y in zip(a, b, strict=True))  # type: ignore[return-value]


def heatmap(
    rows: Sequence[str],
    columns: Sequence[str],
    values: dict[tuple[int, int], float | None],
    *,
    cell: int = 18,
    label_width: int = 170,
) -> str:
    """Rows × columns of coloured cells; `values[(row, col)]` is the share without findings."""
    header = 70
    width = label_width + cell * len(columns) + 10
    height = header + cell * len(rows) + 10
    parts = [
        f"<svg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 {width} {height}' "
        f"width='{width}' height='{height}' role='img' {FONT} font-size='10'>",
        "<title>Heatmap: aandeel zonder bevinding per gebied en artikel</title>",
    ]
    for j, column in enumerate(columns):
        x = label_width + j * cell + cell / 2
        parts.append(
            f"<text x='{x}' y='{header - 6}' transform='rotate(-60 {x} {header - 6})'>"
            f"{escape(column)}</text>"
        )
    for i, row in enumerate(rows):
        y = header + i * cell
        parts.append(
            f"<text x='{label_width - 6}' y='{y + cell * 0.68}' text-anchor='end'>"
            f"{escape(_clip(row, 30))}</text>"
        )
        for j, column in enumerate(columns):
            share = values.get((i, j))
            tip = "geen gegevens" if share is None else f"{share:.0%} zonder bevinding"
            parts.append(
                f"<rect x='{label_width + j * cell}' y='{y}' width='{cell - 2}' "
                f"height='{cell - 2}' fill='{share_colour(share)}'>"
                f"<title>{escape(row)} – {escape(column)}: {tip}</title></rect>"
            )
    parts.append("</svg>")
    return "".join(parts)


def line_chart(
    points: Sequence[tuple[date, float | None]],
    *,
    title: str,
    width: int = 520,
    height: int = 180,
) -> str:
    """A share (0–1) over time, with gridlines at 0, 50 and 100 %."""
    left, right, top, bottom = 40, 24, 20, 28
    plot_w, plot_h = width - left - right, height - top - bottom
    parts = [
        f"<svg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 {width} {height}' "
        f"width='{width}' height='{height}' role='img' {FONT} font-size='10'>",
        f"<title>{escape(title)}</title>",
        f"<text x='{left}' y='12' font-size='11' font-weight='bold'>{escape(title)}</text>",
    ]
    for level in (0.0, 0.5, 1.0):
        y = top + plot_h * (1 - level)
        parts.append(
            f"<line x1='{left}' y1='{y}' x2='{left + plot_w}' y2='{y}' stroke='#d1d5db'/>"
            f"<text x='{left - 4}' y='{y + 3}' text-anchor='end'>{level:.0%}</text>"
        )
    known = [(i, v) for i, (_, v) in enumerate(points) if v is not None]
    step = plot_w / max(1, len(points) - 1)
    coords = [(left + i * step, top + plot_h * (1 - v)) for i, v in known]
    if len(coords) > 1:
        path = " ".join(f"{x:.1f},{y:.1f}" for x, y in coords)
        parts.append(f"<polyline points='{path}' fill='none' stroke='#1d4ed8' stroke-width='2'/>")
    for (x, y), (i, v) in zip(coords, known, strict=True):
        parts.append(
            f"<circle cx='{x:.1f}' cy='{y:.1f}' r='3' fill='#1d4ed8'>"
            f"<title>{points[i][0]:%d-%m-%Y}: {v:.0%}</title></circle>"
        )
    for i, (day, _) in enumerate(points):
        parts.append(
            f"<text x='{left + i * step:.1f}' y='{height - 8}' text-anchor='middle'>"
            f"{day:%d-%m}</text>"
        )
    parts.append("</svg>")
    return "".join(parts)


def sparkline(values: Sequence[float | None], *, width: int = 90, height: int = 20) -> str:
    """A tiny trend of one clause's share without findings, oldest left."""
    known = [(i, v) for i, v in enumerate(values) if v is not None]
    parts = [
        f"<svg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 {width} {height}' "
        f"width='{width}' height='{height}' role='img'><title>verloop</title>"
    ]
    if known:
        step = (width - 4) / max(1, len(values) - 1)
        coords = [(2 + i * step, 2 + (height - 4) * (1 - v)) for i, v in known]
        if len(coords) > 1:
            path = " ".join(f"{x:.1f},{y:.1f}" for x, y in coords)
            parts.append(
                f"<polyline points='{path}' fill='none' stroke='#1d4ed8' stroke-width='1.5'/>"
            )
        x, y = coords[-1]
        parts.append(
            f"<circle cx='{x:.1f}' cy='{y:.1f}' r='2' fill='{share_colour(known[-1][1])}'/>"
        )
    parts.append("</svg>")
    return "".join(parts)


def _clip(text: str, length: int) -> str:
    return text if len(text) <= length else text[: length - 1] + "…"
