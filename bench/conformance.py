"""Benchmark: the conformance engine on the synthetic Netherlands. Prints figures; not a test.

    DATABASE_URL=sqlite:////tmp/national.sqlite3 .venv/bin/python bench/conformance.py

The database must hold a demo (`mgz demo --scale national --seed 1 --today 2026-11-23`;
`--generate national` makes one when the database is empty). Reported separately:
loading the snapshot; the full evaluation of all regions over 28 days; one zorgkantoorregio;
an incremental re-check after single changes (checked equal to a full run); and the speed
ratio against the plain per-slot reference implementation (tests/core/rules/reference.py)
on part of one region, asserting identical findings. Times are wall clock and process CPU;
on a busy machine CPU time is the fairer figure. Peak memory is this process's ru_maxrss.
"""

from __future__ import annotations

import argparse
import os
import random
import resource
import statistics
import sys
import time
from dataclasses import replace
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "src")]
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "mgz.conf.ci")


def clock():
    return time.perf_counter(), time.process_time()


def since(mark) -> tuple[float, float]:
    wall, cpu = clock()
    return wall - mark[0], cpu - mark[1]


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def line(label: str, spent: tuple[float, float], extra: str = "") -> None:
    print(f"{label:<46} {spent[0]:8.2f} s wall {spent[1]:8.2f} s CPU  {extra}", flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--start", type=date.fromisoformat, default=date(2026, 11, 23))
    parser.add_argument("--days", type=int, default=28)
    parser.add_argument("--generate", choices=("tiny", "region", "national"))
    parser.add_argument("--changes", type=int, default=20)
    parser.add_argument("--reference-patients", type=int, default=150)
    parser.add_argument("--reference-days", type=int, default=7)
    args = parser.parse_args()

    import django

    django.setup()
    from mgz.conformance.loader import load_snapshot
    from mgz.core.grid import Grid
    from mgz.core.rules.base import Selection
    from mgz.core.rules.engine import apply_change, evaluate, recheck, run_all
    from mgz.registry.models import Patient, Region

    if not Patient.objects.exists():
        if not args.generate:
            sys.exit(
                "De database is leeg: draai eerst `mgz demo --scale national` of geef --generate."
            )
        from mgz.demo.loader import generate

        mark = clock()
        generate(args.generate, 1, today=args.start)
        line(f"demo {args.generate} genereren", since(mark))

    print(f"Conformance engine — horizon {args.start} + {args.days} dagen, {os.cpu_count()} cores")
    mark = clock()
    total = 0
    for i in range(5_000_000):
        total += i & 7
    calibration = since(mark)
    line("ijkpunt: 5 miljoen lege Python-stappen", calibration, "(≈0,15 s CPU op een vrije kern)")
    print(f"  belasting van de machine (1/5/15 min): {os.getloadavg()}")
    mark = clock()
    snapshot = load_snapshot()
    line("snapshot laden (alle regio's)", since(mark), f"{len(snapshot.patients):,} cliënten")

    grid = Grid(args.start, args.days)
    mark = clock()
    full = run_all(snapshot, grid)
    spent = since(mark)
    errors = sum(1 for f in full.findings if f.severity == "error" and f.status == "fail")
    line(
        "volledige toetsing, alle regio's",
        spent,
        f"{len(full.findings):,} bevindingen ({errors:,} fouten); piek {peak_mb():,.0f} MB",
    )
    print(f"  grid: {grid.size} tijdvakken van 15 min; regels: {len(full.checked)}")

    # One zorgkantoorregio: its own snapshot, as `mgz check --region` does.
    region = Region.objects.order_by("id").first()
    mark = clock()
    region_snapshot = load_snapshot(region_ids=[region.id])
    line(f"snapshot laden, regio {region.code}", since(mark))
    region_grid = Grid(args.start, args.days)
    mark = clock()
    region_result = evaluate(
        region_snapshot, Selection.for_region(region_snapshot, region_grid, region.id)
    )
    line(
        f"volledige toetsing, regio {region.code}",
        since(mark),
        f"{len(region_snapshot.patients):,} cliënten, {len(region_result.findings):,} bevindingen",
    )

    incremental(
        "alle regio's", snapshot, grid, full, args.changes, 0, apply_change, recheck, run_all
    )
    incremental(
        f"regio {region.code}",
        region_snapshot,
        region_grid,
        run_all(region_snapshot, region_grid),
        args.changes,
        args.changes,
        apply_change,
        recheck,
        run_all,
    )
    reference_ratio(region_snapshot, args, run_all)
    print(f"piekgeheugen van dit proces: {peak_mb():,.0f} MB")


LOADED = ("regiotafel", "handover_patients")


def incremental(label, snapshot, grid, full, count, verify, apply_change, recheck, run_all):
    """Single changes one after another; the first `verify` are checked against a full run."""
    from mgz.core.rules.engine import Change

    rnd = random.Random(1)
    times = []
    current, result = snapshot, full
    for n in range(count):
        kind = ("arrangement", "absence", "team", "patient")[n % 4]
        change = _random_change(current, rnd, kind, grid, Change)
        mark = clock()
        changed = apply_change(current, change)
        result, _affected = recheck(result, current, changed, grid, change)
        times.append(since(mark)[0] * 1000)
        current = changed
        if n < verify:
            # A fresh snapshot: no caches, but the data the loader put beside it.
            data = {k: current.extra[k] for k in LOADED if k in current.extra}
            fresh = run_all(replace(current, extra=data), grid)
            assert result.keys() == fresh.keys(), "hertoets wijkt af van een volledige toetsing"
            assert result.checked == fresh.checked
    checked = f"; {verify} gelijk aan een volledige toetsing" if verify else ""
    print(
        f"{'hertoets na één wijziging, ' + label:<46} mediaan "
        f"{statistics.median(times):7.1f} ms, max {max(times):7.1f} ms ({count}x{checked})",
        flush=True,
    )


def _random_change(snapshot, rnd, kind, grid, Change):
    from mgz.core.weekpattern import parse_pattern

    if kind == "arrangement":
        before = rnd.choice(snapshot.arrangements)
        pattern = rnd.choice(("ma-vr 09:00-17:00", "anw", "altijd", "za-zo 00:00-24:00"))
        return Change("arrangement", before, replace(before, pattern=parse_pattern(pattern)))
    if kind == "absence":
        professional = rnd.choice([a for a in snapshot.arrangements if a.professional_id])
        start = grid.starts[rnd.randrange(grid.size // 2)]
        from mgz.core.snapshot import AbsenceSnap

        new_id = max((a.id for a in snapshot.absences), default=0) + 1
        after = AbsenceSnap(
            new_id, professional.professional_id, "ziekte", start, grid.starts[grid.size // 2 + 8]
        )
        return Change("absence", None, after)
    patient = rnd.choice(snapshot.patients)
    if kind == "team":
        team = tuple(snapshot.care_team_by_patient.get(patient.id, ()))
        return Change(
            "team", team, tuple(replace(m, role="consulent") for m in team), patient_id=patient.id
        )
    return Change("patient", patient, replace(patient, has_companion=not patient.has_companion))


def reference_ratio(region_snapshot, args, run_all) -> None:
    """The fast engine against the per-slot reference on part of one region: equal findings."""
    from mgz.core.grid import Grid
    from tests.core.rules.reference import reference_keys

    keep = {p.id for p in region_snapshot.patients[: args.reference_patients]}
    data = {k: region_snapshot.extra[k] for k in LOADED if k in region_snapshot.extra}
    part = replace(
        region_snapshot,
        patients=tuple(p for p in region_snapshot.patients if p.id in keep),
        care_team=tuple(m for m in region_snapshot.care_team if m.patient_id in keep),
        extra=dict(data),
    )
    grid = Grid(args.start, args.reference_days)
    mark = clock()
    fast = run_all(part, grid).keys()
    fast_time = since(mark)
    mark = clock()
    slow = reference_keys(replace(part, extra=dict(data)), args.start, args.reference_days)
    slow_time = since(mark)
    assert fast == slow, "de snelle toetsing en de referentie verschillen"
    print(
        f"referentie (per tijdvak) vs. engine, {len(part.patients)} cliënten, "
        f"{args.reference_days} dagen: {slow_time[1]:.2f} s vs. {fast_time[1]:.3f} s CPU = "
        f"{slow_time[1] / max(fast_time[1], 1e-9):,.0f}x sneller; {len(fast)} bevindingen gelijk",
        flush=True,
    )


if __name__ == "__main__":
    main()
