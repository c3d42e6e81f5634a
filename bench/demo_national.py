"""Benchmark: load the synthetic Netherlands (`mgz demo --scale national`) into SQLite and PostgreSQL.

Not a test. Each load runs in its own subprocess against a fresh database, so wall time and
peak memory (ru_maxrss of that process, from os.wait4) are the command's own. The figures
belong in docs/benchmarks.md. The PostgreSQL server's own memory is not included.

    .venv/bin/python bench/demo_national.py [--seed 1] [--only sqlite|postgresql]

PostgreSQL: MGZ_BENCH_PG_URL (default postgres://postgres@127.0.0.1:5432/mgz_bench_demo);
the database named there is dropped and created again.
"""

from __future__ import annotations

import argparse
import os
import platform
import sqlite3
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parents[1]
MGZ = str(ROOT / ".venv" / "bin" / "mgz")
PG_URL = os.environ.get("MGZ_BENCH_PG_URL", "postgres://postgres@127.0.0.1:5432/mgz_bench_demo")
TABLES = (
    "registry_region",
    "registry_subregion",
    "registry_organisation",
    "registry_location",
    "registry_professional",
    "registry_professionalrole",
    "registry_patient",
    "registry_contactperson",
    "registry_careteammember",
    "availability_arrangement",
    "availability_arrangement_locations",
    "availability_arrangement_patients",
    "availability_absence",
)


def run_measured(args: list[str], env: dict[str, str]) -> tuple[float, float, int, int]:
    """Run a command; return (wall seconds, CPU seconds, peak RSS in MiB, exit code).

    CPU time (user + system) is reported next to wall time because the machine is shared:
    under load, wall time measures the neighbours as much as the load itself.
    """
    started = time.perf_counter()
    proc = subprocess.Popen(args, env=env, stdout=subprocess.DEVNULL)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - started
    cpu = usage.ru_utime + usage.ru_stime
    return wall, cpu, usage.ru_maxrss // 1024, os.waitstatus_to_exitcode(status)


def fresh_postgres(url: str) -> None:
    import psycopg

    parts = urlsplit(url)
    name = parts.path.lstrip("/")
    admin = parts._replace(path="/postgres").geturl()
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}"')
        conn.execute(f'CREATE DATABASE "{name}"')


def count_rows(kind: str, target: str) -> dict[str, int]:
    if kind == "sqlite":
        with sqlite3.connect(target) as conn:
            return {t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in TABLES}
    import psycopg

    with psycopg.connect(target) as conn:
        return {t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in TABLES}


def bench(kind: str, seed: int, workdir: Path) -> dict[str, object]:
    env = dict(os.environ)
    if kind == "sqlite":
        path = workdir / "national.sqlite3"
        env["DATABASE_URL"] = f"sqlite:///{path}"
        target = str(path)
    else:
        fresh_postgres(PG_URL)
        env["DATABASE_URL"] = PG_URL
        target = PG_URL
    subprocess.run([MGZ, "migrate", "--noinput", "-v0"], env=env, check=True)
    load_before = os.getloadavg()[0]
    wall, cpu, peak_mib, code = run_measured(
        [MGZ, "demo", "--scale", "national", "--seed", str(seed)], env
    )
    if code:
        raise SystemExit(f"mgz demo faalde op {kind} (exit {code})")
    return {
        "kind": kind,
        "seconds": wall,
        "cpu": cpu,
        "peak_mib": peak_mib,
        "load": (load_before, os.getloadavg()[0]),
        "rows": count_rows(kind, target),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--only", choices=("sqlite", "postgresql"))
    args = parser.parse_args()
    kinds = [args.only] if args.only else ["sqlite", "postgresql"]
    print(
        f"# mgz demo --scale national --seed {args.seed}; "
        f"{datetime.now(UTC):%Y-%m-%d %H:%M} UTC; {platform.node()}; "
        f"{os.cpu_count()} cores; Python {platform.python_version()}; "
        f"load average {os.getloadavg()[0]:.1f} at start"
    )
    results = []
    with tempfile.TemporaryDirectory(prefix="mgz-bench-") as tmp:
        for kind in kinds:
            result = bench(kind, args.seed, Path(tmp))
            results.append(result)
            print(
                f"{kind:<11} wall {result['seconds']:6.1f} s  cpu {result['cpu']:6.1f} s  "
                f"peak {result['peak_mib']:5d} MiB  "
                f"load average {result['load'][0]:.1f} before, {result['load'][1]:.1f} after"
            )
            sys.stdout.flush()
    print()
    print("| table | " + " | ".join(r["kind"] for r in results) + " |")
    print("|---|" + "---:|" * len(results))
    for table in TABLES:
        print(f"| {table} | " + " | ".join(f"{r['rows'][table]:,}" for r in results) + " |")


if __name__ == "__main__":
    main()
