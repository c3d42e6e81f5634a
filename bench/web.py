"""Web benchmark (issue 5): server time of the region dashboard and the patient lookup.

Not a test. Server time = the full Django stack in-process (middleware, access checks, audit,
templates) through django.test.Client, without network. Targets: region dashboard of the
largest demo region <= 300 ms; patient lookup page <= 100 ms.

    .venv/bin/python bench/web.py [--scale region] [--seed 1] [--repeat 20]
    DATABASE_URL=... .venv/bin/python bench/web.py --use-database   # an existing demo database

Without --use-database it builds a fresh SQLite database in a temporary directory with
`mgz demo --scale <scale>` and stores one conformance run with `mgz check` (as `make demo` and
a nightly job would). It adds two benchmark users (a regio-coördinator, a HAP user).
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
MGZ = str(ROOT / ".venv" / "bin" / "mgz")
TARGETS_MS = {"dashboard": 300, "lookup": 100}


def build(scale: str, seed: int, workdir: Path) -> str:
    url = f"sqlite:///{workdir / 'bench.sqlite3'}"
    env = {**os.environ, "DATABASE_URL": url, "DJANGO_SETTINGS_MODULE": "mgz.conf.dev"}
    for args in (["migrate", "-v0"], ["demo", "--scale", scale, "--seed", str(seed)]):
        subprocess.run([MGZ, *args], env=env, check=True, stdout=subprocess.DEVNULL)
    subprocess.run(
        [MGZ, "check", "--limit", "0", "--format", "json"], env=env, stdout=subprocess.DEVNULL
    )  # exit code 1 means findings, not failure
    return url


def timed(fn, repeat: int) -> tuple[float, float, float]:
    """(first, p50, p95) in milliseconds."""
    first_start = time.perf_counter()
    fn()
    first = (time.perf_counter() - first_start) * 1000
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        samples.append((time.perf_counter() - start) * 1000)
    samples.sort()
    return first, statistics.median(samples), samples[max(0, int(len(samples) * 0.95) - 1)]


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--scale", default="region")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--repeat", type=int, default=20)
    parser.add_argument("--use-database", action="store_true")
    args = parser.parse_args()

    workdir = Path(tempfile.mkdtemp(prefix="mgz-bench-web-"))
    if not args.use_database:
        began = time.perf_counter()
        os.environ["DATABASE_URL"] = build(args.scale, args.seed, workdir)
        print(f"demo ({args.scale}) + check: {time.perf_counter() - began:.1f} s")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "mgz.conf.dev")
    os.environ["DEBUG"] = "0"
    os.environ["MGZ_SECURE_COOKIES"] = "0"
    import django

    django.setup()
    from django.conf import settings
    from django.contrib.auth import get_user_model
    from django.db.models import Count
    from django.test import Client
    from django_otp import DEVICE_ID_SESSION_KEY
    from django_otp.plugins.otp_totp.models import TOTPDevice

    from mgz.accounts.models import Membership
    from mgz.registry.models import Organisation, Patient, Region

    settings.ALLOWED_HOSTS = ["*"]
    region = Region.objects.annotate(n=Count("patients")).order_by("-n").first()
    patient = Patient.objects.filter(region=region, location__hap__isnull=False).first()
    hap = Organisation.objects.get(id=patient.location.hap_id)
    User = get_user_model()

    def client_for(username: str, **membership) -> Client:
        user, _ = User.objects.get_or_create(username=username)
        Membership.objects.update_or_create(user=user, defaults=membership)
        device, _ = TOTPDevice.objects.get_or_create(user=user, name="bench", confirmed=True)
        client = Client()
        client.force_login(user, backend="django.contrib.auth.backends.ModelBackend")
        session = client.session
        session[DEVICE_ID_SESSION_KEY] = device.persistent_id
        session.save()
        return client

    regio = client_for("bench-regio", role="regio_coordinator", region=region)
    hapc = client_for("bench-hap", role="hap", organisation=hap)
    dashboard_url = f"/regio/{region.id}/"
    began = time.perf_counter()
    assert regio.get(dashboard_url).status_code == 200
    cold = (time.perf_counter() - began) * 1000

    def dashboard():
        assert regio.get(dashboard_url).status_code == 200

    def dashboard_filtered():
        assert (
            regio.get(
                dashboard_url, {"moment": "anw", "regel": "2.1.3.b.1"}, HTTP_HX_REQUEST="true"
            ).status_code
            == 200
        )

    def lookup():
        response = hapc.post("/wie-bel-ik-nu/", {"bsn": patient.bsn})
        assert response.status_code == 200 and b"Bel nu" in response.content

    def lookup_page():
        assert hapc.get("/wie-bel-ik-nu/").status_code == 200

    print(
        f"region {region.code}: {region.patients.count()} cliënten, "
        f"{region.locations.count()} locaties"
    )
    results = {
        "dashboard (volledig)": ("dashboard", timed(dashboard, args.repeat)),
        "dashboard (filter, htmx)": ("dashboard", timed(dashboard_filtered, args.repeat)),
        "wie bel ik nu (formulier)": ("lookup", timed(lookup_page, args.repeat)),
        "wie bel ik nu (BSN → keten)": ("lookup", timed(lookup, args.repeat)),
    }
    print(f"dashboard, koud (eerste keer na een toetsing, per proces): {cold:.0f} ms")
    ok = True
    print(f"{'pagina':32} {'eerste':>9} {'p50':>9} {'p95':>9}  doel")
    for name, (kind, (first, p50, p95)) in results.items():
        target = TARGETS_MS[kind]
        verdict = "ok" if p50 <= target else "TE TRAAG"
        ok &= p50 <= target
        print(f"{name:32} {first:8.1f}ms {p50:8.1f}ms {p95:8.1f}ms  ≤ {target} ms (p50) {verdict}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
