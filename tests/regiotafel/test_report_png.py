"""Render the report PDF to PNG pages (kept in the test output for a human to look at)."""

from __future__ import annotations

import pypdfium2

from mgz.regiotafel.report.build import build_report
from mgz.regiotafel.report.render import render_pdf

from .conftest import DAY
from .test_report import filled  # noqa: F401  (fixture)


def test_the_pdf_pages_render_to_png(filled, tmp_path):  # noqa: F811
    pdf = render_pdf(build_report(filled.table, as_of=DAY, trend_weeks=3))
    document = pypdfium2.PdfDocument(pdf)
    paths = []
    for index in range(len(document)):
        image = document[index].render(scale=1.2).to_pil()
        path = tmp_path / f"rapport-{index + 1}.png"
        image.save(path)
        paths.append(path)
    print("PNG:", *paths)
    assert paths and all(p.stat().st_size > 10_000 for p in paths)
