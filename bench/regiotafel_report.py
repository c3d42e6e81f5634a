"""Benchmark: the meeting report for the largest region of the region-scale demo.

Usage:
    MGZ_VAR_DIR=/tmp/mgz-bench .venv/bin/python bench/regiotafel_report.py [--runs 5]

An empty database is migrated and filled with `mgz demo --scale region` first. The largest
region (by patients) gets the demo regiotafel if it has none (mgz.regiotafel.demo), so every
section of the report has content.
Prints the median and the spread of building the report data, the HTML and the PDF.
The requirement (issue 7): the report builds in at most 10 seconds.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "mgz.conf.dev")
os.environ.setdefault("SECRET_KEY", "bench-only")
os.environ.setdefault("MGZ_BSN_ENCRYPTION_KEY", "bench-only")
os.environ.setdefault("MGZ_BSN_HASH_KEY", "bench-only")

import django

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db.models import Count  # noqa: E402

from mgz.regiotafel.demo import demo_regiotafel  # noqa: E402
from mgz.regiotafel.models import Regiotafel  # noqa: E402
from mgz.regiotafel.report.build import build_report  # noqa: E402
from mgz.regiotafel.report.render import render_html, render_pdf  # noqa: E402
from mgz.registry.models import Location, Patient, Region  # noqa: E402


def ensure_data(today: date) -> Region:
    call_command("migrate", verbosity=0)
    if not Patient.objects.exists():
        print("demo-data laden (scale region)…", flush=True)
        started = time.perf_counter()
        call_command("demo", scale="region", seed=1, today=today, verbosity=0)
        print(f"  geladen in {time.perf_counter() - started:.1f} s", flush=True)
    return Region.objects.annotate(n=Count("patients")).order_by("-n").first()


def ensure_table(region: Region, today: date) -> Regiotafel:
    """The region's table; made by the regiotafel demo (mgz.regiotafel.demo) when absent."""
    table = Regiotafel.objects.filter(region=region, subregion__isnull=True).first()
    return table or demo_regiotafel(region, today=today)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    today = date.today()
    region = ensure_data(today)
    table = ensure_table(region, today)
    patients = Patient.objects.filter(region=region).count()
    locations = Location.objects.filter(region=region).count()
    print(f"regio {region.name}: {patients} cliënten, {locations} locaties", flush=True)
    build, html, pdf, total, cpu = [], [], [], [], []
    for run in range(args.runs):
        c0 = time.process_time()
        t0 = time.perf_counter()
        report = build_report(table, as_of=today)
        t1 = time.perf_counter()
        render_html(report)
        t2 = time.perf_counter()
        document = render_pdf(report)
        t3 = time.perf_counter()
        build.append(t1 - t0)
        html.append(t2 - t1)
        pdf.append(t3 - t2)
        total.append(t3 - t0)
        cpu.append(time.process_time() - c0)
        print(f"  run {run + 1}: {t3 - t0:.2f} s ({len(document) // 1024} kB PDF)", flush=True)
    # CPU time shows the cost apart from other load on a shared machine (wall ≈ CPU when idle).
    rows = (("gegevens", build), ("HTML", html), ("PDF", pdf), ("totaal", total), ("CPU", cpu))
    for name, values in rows:
        print(
            f"{name:>9}: mediaan {statistics.median(values):.2f} s (min {min(values):.2f}, max {max(values):.2f})"
        )
    verdict = "gehaald" if statistics.median(total) <= 10 else "NIET gehaald"
    print(f"eis: ≤ 10 s (wandklok) — {verdict}; load average {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()
