"""Planning benchmarks (issue 8): GAP (OR-Library), Curtois & Qu, the demo region's ANW roster.

Prints one Markdown table per set: instance, objective, best known / optimum, gap %, time,
status and the greedy baseline. Every returned solution goes through the independent checker
(`mgz.core.planning.check`); the script exits with status 1 when any solution that claims to
be feasible breaks a hard constraint.

    .venv/bin/python bench/planning.py                       # everything, issue time limits
    .venv/bin/python bench/planning.py --sets gap-a --gap-time 2 --nrp 1-3 --nrp-time 10

Targets (2-core machine): GAP optimum on every cattrysse1994 and chu1997 a–c instance within
10 s; Curtois ≤ 1 % above best known on Instance1–10 within 60 s; the demo region's quarterly
roster feasible within 10 s, with the gap to the solver's own bound after 60 s.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from collections.abc import Iterable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from mgz.core.planning.assign import AssignProblem, greedy_assignment, solve_assignment
from mgz.core.planning.check import (
    check_assignment,
    check_gap,
    check_nrp,
    check_roster,
)
from mgz.core.planning.gap import greedy_gap, read_gap, read_gap_references, solve_gap
from mgz.core.planning.nrp import greedy_nrp, read_nrp, solve_nrp
from mgz.core.planning.roster import greedy_roster, solve_roster
from mgz.core.planning.synthetic import demo_region_assignment, demo_region_roster
from mgz.shared_data import shared_dir

DEFAULT_DATA = shared_dir() / "benchmarks"
SETS = ("gap-cattrysse", "gap-chu-abc", "gap-chu-d", "gap-yagiura", "nrp", "roster", "assign")
FEASIBLE = ("optimaal", "toegelaten")

failures: list[str] = []


def gap_percent(value: float | None, reference: float | None) -> str:
    if value is None or reference is None or reference == 0:
        return "–"
    return f"{100 * (value - reference) / reference:.2f}"


def table(title: str, header: Iterable[str], rows: Iterable[Iterable[object]]) -> None:
    header = list(header)
    print(f"\n### {title}\n")
    print("| " + " | ".join(header) + " |")
    print("|" + "|".join("---" for _ in header) + "|")
    for row in rows:
        print("| " + " | ".join(str(cell) for cell in row) + " |")
    sys.stdout.flush()


def verdict(name: str, status: str, violations: tuple, must_hold: bool) -> str:
    """'ok', or the number of broken hard constraints; records failures for the exit code."""
    if not violations:
        return "ok"
    if must_hold and status in FEASIBLE:
        failures.append(f"{name}: {violations[0].message}")
        return f"FOUT ({len(violations)})"
    return f"ontoelaatbaar ({len(violations)})"


def run_gap(data: Path, paths: list[str], limit: float, workers: int, title: str) -> None:
    references = read_gap_references(data / "gap" / "data.csv")
    rows = []
    hits = 0
    for path in paths:
        instance = read_gap(data / "gap" / path, path)
        reference = references[path]
        target = reference.optimum if reference.optimum is not None else reference.best
        greedy = greedy_gap(instance)
        cpu = time.process_time()
        solution = solve_gap(instance, time_limit=limit, workers=workers)
        cpu = time.process_time() - cpu
        check = check_gap(instance, solution.assignment)
        ok = verdict(path, solution.status, check.violations, True)
        if check.ok and check.objective != solution.objective:
            failures.append(f"{path}: doelwaarde {solution.objective} ≠ checker {check.objective}")
        g_check = check_gap(instance, greedy.assignment) if greedy.assignment else None
        g_ok = (
            verdict(path + " greedy", greedy.status, g_check.violations, True) if g_check else "–"
        )
        hits += solution.objective == target
        rows.append(
            (
                path.split("/")[-1],
                f"{instance.agents}×{instance.items}",
                solution.objective,
                f"{target}{'' if reference.optimum is not None else ' (bk)'}",
                gap_percent(solution.objective, target),
                f"{solution.seconds:.1f}",
                f"{cpu:.1f}",
                solution.status,
                greedy.objective if greedy.assignment else "geen",
                gap_percent(greedy.objective, target) if greedy.assignment else "–",
                f"{ok}/{g_ok}",
            )
        )
    table(
        f"{title} — limiet {limit:g} s per instantie, {workers} workers; "
        f"{hits}/{len(paths)} op optimum/best known",
        (
            "instantie",
            "m×n",
            "CP-SAT",
            "optimum/bk",
            "gap %",
            "tijd s",
            "CPU s",
            "status",
            "greedy",
            "greedy gap %",
            "check",
        ),
        rows,
    )


def run_nrp(data: Path, numbers: list[int], limits: dict[int, float], workers: int) -> None:
    best = {}
    for line in (data / "nrp" / "best_known.csv").read_text().splitlines()[1:]:
        name, value = line.split(",")
        best[name] = int(value)
    rows = []
    for number in numbers:
        name = f"Instance{number}"
        instance = read_nrp(data / "nrp" / f"{name}.txt", name)
        greedy = greedy_nrp(instance)
        g_check = check_nrp(instance, greedy.roster)
        hint = greedy.roster if g_check.ok else None
        cpu = time.process_time()
        solution = solve_nrp(instance, time_limit=limits[number], workers=workers, hint=hint)
        cpu = time.process_time() - cpu
        if solution.roster:
            check = check_nrp(instance, solution.roster)
            ok = verdict(name, solution.status, check.violations, True)
            if check.objective != solution.objective:
                failures.append(
                    f"{name}: doelwaarde {solution.objective} ≠ checker {check.objective}"
                )
        else:
            ok = "–"
        rows.append(
            (
                name,
                f"{len(instance.staff)}×{instance.horizon}×{len(instance.shifts)}",
                solution.objective if solution.roster else "geen",
                best[name],
                gap_percent(solution.objective, best[name]) if solution.roster else "–",
                f"{solution.seconds:.1f}",
                f"{cpu:.1f}",
                f"{limits[number]:g}",
                solution.status,
                f"{solution.bound:.0f}" if solution.bound is not None else "–",
                greedy.objective,
                verdict(name + " greedy", greedy.status, g_check.violations, False),
                ok,
            )
        )
    table(
        f"Curtois & Qu — {workers} workers",
        (
            "instantie",
            "pers×dagen×diensten",
            "CP-SAT",
            "best known",
            "gap %",
            "tijd s",
            "CPU s",
            "limiet s",
            "status",
            "ondergrens",
            "greedy",
            "greedy check",
            "check",
        ),
        rows,
    )


def run_roster(limit: float, workers: int) -> None:
    problem = demo_region_roster()
    started = time.perf_counter()
    greedy = greedy_roster(problem)
    greedy_seconds = time.perf_counter() - started
    g_check = check_roster(problem, greedy.duties)
    progress: list[tuple[float, int]] = []
    solution = solve_roster(
        problem,
        time_limit=limit,
        workers=workers,
        hint=greedy.duties,
        on_solution=lambda t, objective: progress.append((t, objective)),
    )
    check = check_roster(problem, solution.duties)
    ok = verdict("demo roster", solution.status, check.violations, True)
    g_ok = verdict("demo roster greedy", greedy.status, g_check.violations, True)
    first = solution.first_feasible_seconds
    at = {mark: min((o for t, o in progress if t <= mark), default=None) for mark in (10, 30, 60)}
    so = sum(1 for p in problem.persons if p.discipline == "SO")
    rows = [
        (
            f"{problem.region}: {so} SO + {len(problem.persons) - so} AVG, "
            f"{len({p.organisation for p in problem.persons})} org., {problem.days} dagen, "
            f"{len(problem.requirements)} eisen",
            f"{greedy_seconds + (first or 0):.1f}",
            at[10] if at[10] is not None else "–",
            at[30] if at[30] is not None else "–",
            solution.objective,
            f"{solution.bound:.0f}" if solution.bound is not None else "–",
            gap_percent(solution.objective, solution.bound) if (solution.bound or 0) > 0 else "–",
            f"{solution.seconds:.1f}",
            solution.status,
            len(solution.duties),
            len(solution.violations),
            greedy.objective,
            f"{ok}/{g_ok}",
        )
    ]
    table(
        f"ANW-rooster demoregio (kwartaal) — limiet {limit:g} s, {workers} workers",
        (
            "geval",
            "eerste toegelaten s (incl. greedy)",
            "na 10 s",
            "na 30 s",
            "eind",
            "eigen ondergrens",
            "gap % t.o.v. ondergrens",
            "tijd s",
            "status",
            "diensten",
            "zachte schendingen",
            "greedy",
            "check",
        ),
        rows,
    )


def run_assign(limit: float, workers: int) -> None:
    practices, locations = demo_region_assignment()
    problem = AssignProblem(practices, locations)
    greedy = greedy_assignment(problem)
    solution = solve_assignment(problem, time_limit=limit, workers=workers)
    check = check_assignment(problem, solution.assignments)
    ok = verdict("demo toewijzing", solution.status, check.violations, True)
    g_check = check_assignment(problem, greedy.assignments)
    g_ok = verdict("demo toewijzing greedy", greedy.status, g_check.violations, True)
    table(
        f"Vaste-huisartstoewijzing demoregio — limiet {limit:g} s, {workers} workers",
        ("geval", "CP-SAT", "ondergrens", "tijd s", "status", "greedy", "greedy status", "check"),
        [
            (
                f"{len(practices)} praktijken, {len(locations)} locaties",
                solution.objective,
                f"{solution.bound:.0f}" if solution.bound is not None else "–",
                f"{solution.seconds:.1f}",
                solution.status,
                greedy.objective,
                f"{greedy.status} ({len(greedy.unassigned)} niet toegewezen)",
                f"{ok}/{g_ok}",
            )
        ],
    )


def _load() -> str:
    try:
        return " / ".join(f"{value:.1f}" for value in os.getloadavg())
    except OSError:
        return "onbekend"


def numbers(text: str) -> list[int]:
    result = []
    for part in text.split(","):
        if "-" in part:
            low, high = part.split("-")
            result.extend(range(int(low), int(high) + 1))
        elif part:
            result.append(int(part))
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument(
        "--sets", default=",".join(SETS), help="comma-separated: " + ", ".join(SETS)
    )
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--gap-time", type=float, default=10.0, help="cattrysse and chu a–c")
    parser.add_argument("--gap-extra-time", type=float, default=10.0, help="chu d and yagiura")
    parser.add_argument("--nrp", default="1-16", help="instance numbers, e.g. 1-10 or 1,4,9")
    parser.add_argument("--nrp-time", type=float, default=60.0, help="Instance1–10")
    parser.add_argument("--nrp-extra-time", type=float, default=60.0, help="Instance11–16")
    parser.add_argument("--roster-time", type=float, default=60.0)
    parser.add_argument("--assign-time", type=float, default=10.0)
    args = parser.parse_args(argv)
    chosen = set(args.sets.split(","))
    data = args.data
    print(f"# Planningsbenchmarks ({time.strftime('%Y-%m-%d %H:%M')})")
    print(f"\nBelasting van de machine bij de start (load average 1/5/15 min): {_load()}")
    print("CPU s = processortijd van dit proces (alle threads); tijd s = wandkloktijd.")
    chu = sorted(p.name for p in (data / "gap" / "chu1997").iterdir())
    if "gap-cattrysse" in chosen:
        paths = [f"cattrysse1994/gap{k}-{i}" for k in range(1, 13) for i in range(5)]
        run_gap(data, paths, args.gap_time, args.workers, "GAP cattrysse1994 (OR-Library gap1–12)")
    if "gap-chu-abc" in chosen:
        paths = [f"chu1997/{n}" for n in chu if n[0] in "abc"]
        run_gap(data, paths, args.gap_time, args.workers, "GAP chu1997 type a–c")
    if "gap-chu-d" in chosen:
        paths = [f"chu1997/{n}" for n in chu if n[0] == "d"]
        run_gap(data, paths, args.gap_extra_time, args.workers, "GAP chu1997 type d")
    if "gap-yagiura" in chosen:
        names = sorted(
            (p.name for p in (data / "gap" / "yagiura2004").iterdir()),
            key=lambda n: (n[0], int(n[1:]) % 1000 if False else len(n), n),
        )
        paths = [f"yagiura2004/{n}" for n in names]
        run_gap(data, paths, args.gap_extra_time, args.workers, "GAP yagiura2004 type c, d")
    if "nrp" in chosen:
        wanted = numbers(args.nrp)
        limits = {n: args.nrp_time if n <= 10 else args.nrp_extra_time for n in wanted}
        run_nrp(data, wanted, limits, args.workers)
    if "roster" in chosen:
        run_roster(args.roster_time, args.workers)
    if "assign" in chosen:
        run_assign(args.assign_time, args.workers)
    print(f"\nBelasting van de machine aan het eind (load average 1/5/15 min): {_load()}")
    if failures:
        print("\nHARDE BEPERKINGEN GESCHONDEN:")
        for failure in failures:
            print(f"- {failure}")
        return 1
    print("\nAlle oplossingen doorstaan de onafhankelijke controle.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
