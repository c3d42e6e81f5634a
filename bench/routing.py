"""Routing benchmark (issue 4): in-process lookups, the naive ORM baseline, and HTTP under load.

Usage (a database with demo data, e.g. `mgz demo --scale national --seed 1`):

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/mgz_bench_routing \
        .venv/bin/python bench/routing.py [--lookups 20000] [--naive 200] [--http-seconds 15]

What it measures and prints:
1. load_snapshot() and RouteIndex build times and the number of patients/arrangements;
2. in-process `RouteIndex.route()` latency over random (patient, moment, question, urgency,
   caller) requests: p50, p99 (target p50 <= 50 us, p99 <= 200 us);
3. the naive implementation that queries the ORM per request (mgz.routing.naive), on a sample,
   checking that every answer is identical to the index's, and the ratio of the medians;
4. HTTP: gunicorn with 2 sync workers on 127.0.0.1, driven by `wrk` (session cookie, a rotating
   list of request URLs) for a bounded time: requests/s, p99 and errors (target >= 1,000/s,
   p99 <= 20 ms, no errors). wrk comes from Debian: `apt-get install wrk`; without it the HTTP
   part is skipped with that hint.
Written to the database: one benchmark user, its session, and one audit record per HTTP answer
(every answer is an audited lookup).
"""

from __future__ import annotations

import argparse
import gc
import os
import random
import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import timedelta
from pathlib import Path
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "mgz.conf.dev")
os.environ.setdefault("DEBUG", "0")

TARGETS = {"p50_us": 50, "p99_us": 200, "rps": 1000, "http_p99_ms": 20}


def setup_django() -> None:
    import django

    django.setup()


def make_app():
    """Gunicorn factory (`routing:make_app()` with --preload): build the index before forking,
    so both workers start warm and share it copy-on-write."""
    setup_django()
    from django.core.wsgi import get_wsgi_application
    from django.db import connections

    from mgz.routing import services

    application = get_wsgi_application()
    services.get_index()
    connections.close_all()  # never share a database socket with the forked workers
    return application


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def random_requests(codes: list[str], count: int, seed: int) -> list[tuple]:
    from django.utils import timezone

    from mgz.core.routing import CALLERS, QUESTIONS, URGENCIES

    rng = random.Random(seed)
    codes = sorted(codes)
    now = timezone.now()
    return [
        (
            rng.choice(codes),
            now + timedelta(minutes=rng.randrange(0, 21 * 24 * 60)),
            rng.choice(list(QUESTIONS)),
            rng.choice(list(URGENCIES)),
            rng.choice(list(CALLERS)),
        )
        for _ in range(count)
    ]


def in_process(args) -> dict:
    from django.utils import timezone

    from mgz.conformance.loader import load_snapshot
    from mgz.core.route_index import RouteIndex
    from mgz.routing.naive import route_via_orm

    started = time.perf_counter()
    snapshot = load_snapshot()
    loaded = time.perf_counter() - started
    started = time.perf_counter()
    index = RouteIndex(snapshot, start=timezone.now() - timedelta(days=1), weeks=5)
    built = time.perf_counter() - started
    print(
        f"data: {len(snapshot.patients):,} cliënten, {len(snapshot.arrangements):,} afspraken, "
        f"{len(snapshot.absences):,} afwezigheden, {len(snapshot.locations):,} locaties"
    )
    print(f"load_snapshot: {loaded:.1f} s; RouteIndex build: {built:.1f} s")

    requests = random_requests([p.code for p in snapshot.patients], args.lookups, args.seed)
    for call in requests[:2000]:  # warm-up
        index.route(*call)
    timings, cpu = [], []
    clock, cpu_clock = time.perf_counter_ns, time.thread_time_ns
    gc.freeze()  # the index is long-lived: keep the collector from walking it (as the server does)
    for call in requests:
        begin, begin_cpu = clock(), cpu_clock()
        index.route(*call)
        cpu.append((cpu_clock() - begin_cpu) / 1000)
        timings.append((clock() - begin) / 1000)
    p50, p99 = percentile(timings, 0.50), percentile(timings, 0.99)
    print(
        f"index lookup ({len(timings):,} random requests): p50 {p50:.1f} µs, p99 {p99:.1f} µs, "
        f"mean {statistics.fmean(timings):.1f} µs (wall clock); CPU time p50 "
        f"{percentile(cpu, 0.5):.1f} µs, p99 {percentile(cpu, 0.99):.1f} µs; load average "
        f"{os.getloadavg()[0]:.1f} on {os.cpu_count()} cores "
        f"[doel p50 ≤ {TARGETS['p50_us']} µs, p99 ≤ {TARGETS['p99_us']} µs]"
    )

    # An absence change is patched, not rebuilt: time one new absence with a replacement.
    from mgz.core.snapshot import AbsenceSnap

    rng = random.Random(args.seed)
    busy = sorted({a.professional_id for a in snapshot.arrangements if a.professional_id})
    absent, stand_in = rng.sample(busy, 2)
    now = timezone.now()
    extra = AbsenceSnap(10**9, absent, "ziekte", now, now + timedelta(days=2), stand_in, "")
    started = time.perf_counter()
    changed = index.replace_absences((*snapshot.absences, extra))
    patched = time.perf_counter() - started
    print(
        f"absence patch (one new absence, {len(changed)} professional): {patched * 1000:.1f} ms "
        "instead of a rebuild"
    )
    index.replace_absences(snapshot.absences)

    naive_times, mismatches = [], 0
    for call in requests[: args.naive]:
        begin = clock()
        answer = route_via_orm(*call)
        naive_times.append((clock() - begin) / 1000)
        if answer != index.route(*call):
            mismatches += 1
    naive_p50 = percentile(naive_times, 0.5)
    print(
        f"naive ORM per request ({len(naive_times)} requests): p50 {naive_p50 / 1000:.2f} ms; "
        f"index is {naive_p50 / p50:,.0f}x faster (p50); identical answers: "
        f"{len(naive_times) - mismatches}/{len(naive_times)}"
    )
    return {
        "index": index,
        "requests": requests,
        "p50": p50,
        "p99": p99,
        "naive_p50": naive_p50,
        "mismatches": mismatches,
    }


def credentials() -> dict[str, str]:
    """Headers for both ways in: HTTP basic and a session cookie.

    The benchmark user is a HAP triagist (need-to-know applies to every answer) of the HAP
    serving most locations, logged in with a verified second factor. HTTP basic is refused
    for that role (no second factor), so the session is the realistic way in; every URL
    carries a `reden`, so clients outside the HAP's area are break-the-glass reads.
    """
    import base64

    from django.conf import settings
    from django.contrib.auth import get_user_model
    from django.contrib.sessions.backends.db import SessionStore
    from django.db.models import Count
    from django_otp import DEVICE_ID_SESSION_KEY
    from django_otp.plugins.otp_totp.models import TOTPDevice

    from mgz.accounts.models import Membership
    from mgz.registry.models import Organisation

    user, _ = get_user_model().objects.get_or_create(username="bench-routing")
    password = "bench-routing-wachtwoord"
    user.set_password(password)
    user.save()
    hap = (
        Organisation.objects.filter(kind="hap")
        .annotate(n=Count("served_locations"))
        .order_by("-n")
        .first()
    )
    Membership.objects.update_or_create(user=user, defaults={"role": "hap", "organisation": hap})
    device, _ = TOTPDevice.objects.get_or_create(
        user=user, name="bench", defaults={"confirmed": True}
    )
    session = SessionStore()
    session["_auth_user_id"] = str(user.pk)
    session["_auth_user_backend"] = "django.contrib.auth.backends.ModelBackend"
    session["_auth_user_hash"] = user.get_session_auth_hash()
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session.create()
    token = base64.b64encode(f"{user.username}:{password}".encode()).decode()
    return {
        "basic": f"Authorization: Basic {token}",
        "sessie": f"Cookie: {settings.SESSION_COOKIE_NAME}={session.session_key}",
    }


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def http(args, requests: list[tuple]) -> dict | None:
    wrk = shutil.which("wrk")
    if wrk is None:
        print("HTTP: overgeslagen — wrk ontbreekt; installeer met `apt-get install wrk`.")
        return None
    headers = credentials()
    port = free_port()
    env = dict(os.environ, PYTHONPATH=str(ROOT / "bench"))
    if args.bare:
        env["DJANGO_SETTINGS_MODULE"] = "routing_settings"
    server = subprocess.Popen(
        [
            str(Path(sys.executable).with_name("gunicorn")),
            "routing:make_app()",
            "--preload",
            "--workers",
            "2",
            "--bind",
            f"127.0.0.1:{port}",
            "--log-level",
            "warning",
            "--chdir",
            str(ROOT / "bench"),
        ],
        env=env,
        start_new_session=True,
    )
    try:
        base = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 600
        while time.monotonic() < deadline:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                if server.poll() is not None:
                    raise SystemExit("gunicorn stopte voortijdig") from None
                time.sleep(1)
        paths = []
        for code, moment, question, urgency, caller in requests[: args.urls]:
            query = urlencode(
                {
                    "patient": code,
                    "at": moment.isoformat(),
                    "question": question,
                    "urgency": urgency,
                    "caller": caller,
                    "reden": "nachtdienst HAP (benchmark)",
                }
            )
            paths.append(f"/api/v1/route?{query}")
        results = {}
        for auth in args.auth.split(","):
            header = headers[auth]
            check = subprocess.run(
                [
                    "curl",
                    "-s",
                    "-o",
                    "/dev/null",
                    "-w",
                    "%{http_code}",
                    "-H",
                    header,
                    base + paths[0],
                ],
                capture_output=True,
                text=True,
            )
            print(f"HTTP ({auth}): eerste verzoek gaf status {check.stdout}")
            results[auth] = _wrk(wrk, args, base, paths, header, auth, server.pid)
        return results
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=30)


def _worker_cpu_seconds(master: int) -> float:
    """User + system CPU time of the gunicorn workers (children of the master), from /proc."""
    ticks = os.sysconf("SC_CLK_TCK")
    try:
        children = Path(f"/proc/{master}/task/{master}/children").read_text().split()
    except OSError:
        return 0.0
    total = 0
    for pid in children:
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        total += int(fields[11]) + int(fields[12])  # utime, stime
    return total / ticks


def _wrk(wrk: str, args, base: str, paths: list[str], header: str, auth: str, master: int) -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        script = Path(tmp) / "routing.lua"
        lines = ",\n".join(f'  "{p}"' for p in paths)
        name, _, value = header.partition(": ")
        script.write_text(
            "local paths = {\n" + lines + "\n}\n"
            "local i = 0\n"
            f'wrk.headers["{name}"] = "{value}"\n'
            "request = function()\n"
            "  i = i % #paths + 1\n"
            "  return wrk.format('GET', paths[i])\n"
            "end\n"
        )
        # one warm pass over every URL (handover cache, first-time plans), then the measurement
        subprocess.run([wrk, "-t1", "-c4", "-d5s", "-s", str(script), base], capture_output=True)
        cpu_before = _worker_cpu_seconds(master)
        run = subprocess.run(
            [
                wrk,
                f"-t{args.wrk_threads}",
                f"-c{args.connections}",
                f"-d{args.http_seconds}s",
                "--latency",
                "-s",
                str(script),
                base,
            ],
            capture_output=True,
            text=True,
            timeout=args.http_seconds + 60,
        )
    cpu_used = _worker_cpu_seconds(master) - cpu_before
    output = run.stdout
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))
    p50 = _ms(re.search(r"50%\s+([\d.]+\w+)", output).group(1))
    p99 = _ms(re.search(r"99%\s+([\d.]+\w+)", output).group(1))
    total = int(re.search(r"(\d+) requests in", output).group(1))
    non2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    socket_errors = re.search(r"Socket errors: (.*)", output)
    errors = int(non2xx.group(1)) if non2xx else 0
    print(
        f"HTTP {auth}{' kaal' if args.bare else ''} (gunicorn 2 sync workers, wrk -t{args.wrk_threads} -c{args.connections} "
        f"{args.http_seconds}s, {len(paths)} verschillende URL's): {total:,} verzoeken, "
        f"{rps:,.0f}/s, p50 {p50:.1f} ms, p99 {p99:.1f} ms, fouten {errors}"
        + (f", socketfouten: {socket_errors.group(1)}" if socket_errors else "")
        + (
            f"; worker-CPU {cpu_used / total * 1000:.2f} ms per verzoek"
            f" (≈ {total / cpu_used:,.0f}/s per volledig vrije core)"
            if total and cpu_used
            else ""
        )
        + f"; load average {os.getloadavg()[0]:.1f} "
        f"[doel ≥ {TARGETS['rps']}/s, p99 ≤ {TARGETS['http_p99_ms']} ms, 0 fouten]"
    )
    return {"rps": rps, "p99_ms": p99, "errors": errors + (1 if socket_errors else 0)}


def _ms(text: str) -> float:
    value = float(re.match(r"[\d.]+", text).group(0))
    unit = text[len(re.match(r"[\d.]+", text).group(0)) :]
    return value * {"us": 0.001, "ms": 1, "s": 1000, "m": 60000}[unit]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lookups", type=int, default=20000)
    parser.add_argument("--naive", type=int, default=200)
    parser.add_argument("--seed", type=int, default=4)
    parser.add_argument("--http-seconds", type=int, default=15)
    parser.add_argument("--connections", type=int, default=4)
    parser.add_argument("--wrk-threads", type=int, default=1)
    parser.add_argument("--urls", type=int, default=2000)
    parser.add_argument("--skip-http", action="store_true")
    parser.add_argument("--http-only", action="store_true", help="alleen de HTTP-meting")
    parser.add_argument("--auth", default="sessie", help="basic, sessie of beide")
    parser.add_argument(
        "--bare",
        action="store_true",
        help="HTTP zonder de OTP-/axes-middleware (bench/routing_settings.py): alleen routering",
    )
    args = parser.parse_args()
    setup_django()
    from django.db import connection

    print(f"database: {connection.vendor} {connection.settings_dict['NAME']}")
    if args.http_only:
        from mgz.registry.models import Patient

        codes = list(Patient.objects.values_list("code", flat=True))
        result = {"requests": random_requests(codes, args.urls, args.seed)}
        ok = True
    else:
        result = in_process(args)
        ok = (
            result["p50"] <= TARGETS["p50_us"]
            and result["p99"] <= TARGETS["p99_us"]
            and result["mismatches"] == 0
        )
    if not args.skip_http:
        measured = http(args, result["requests"]) or {}
        for figures in measured.values():
            ok = ok and (
                figures["rps"] >= TARGETS["rps"]
                and figures["p99_ms"] <= TARGETS["http_p99_ms"]
                and figures["errors"] == 0
            )
    print("doelen gehaald" if ok else "NIET alle doelen gehaald")


if __name__ == "__main__":
    main()
