"""`mgz plan roster …` / `mgz plan assign …`: run a planning engine from the command line."""

from __future__ import annotations

from datetime import date

from django.core.management.base import BaseCommand, CommandError, CommandParser

from mgz.planning import jobs, services
from mgz.planning.models import PlanningJob


class Command(BaseCommand):
    help = "Maak een ANW-rooster (SO/AVG) of een toewijzing vaste huisarts voor een regio."

    def add_arguments(self, parser: CommandParser) -> None:
        sub = parser.add_subparsers(dest="what", required=True)
        roster = sub.add_parser("roster", help="ANW-bereikbaarheidsrooster SO/AVG")
        roster.add_argument("--region", required=True)
        roster.add_argument("--from", dest="start", required=True, type=date.fromisoformat)
        roster.add_argument("--days", type=int, default=7)
        roster.add_argument("--disciplines", default="so,avg")
        roster.add_argument("--max-duties", type=int, default=None)
        assign = sub.add_parser("assign", help="toewijzing vaste huisarts aan locaties")
        assign.add_argument("--region", required=True)
        assign.add_argument("--max-distance", type=float, default=15.0)
        for each in (roster, assign):
            each.add_argument("--time-limit", type=float, default=10.0)
            each.add_argument("--workers", type=int, default=2)
            each.add_argument("--accept", action="store_true", help="schrijf het resultaat weg")

    def handle(self, *args, **options) -> None:
        try:
            region = services.region_by_code(options["region"])
        except services.PlanningError as error:
            raise CommandError(str(error)) from error
        params: dict = {"time_limit": options["time_limit"], "workers": options["workers"]}
        if options["what"] == "roster":
            params |= {
                "start": options["start"].isoformat(),
                "days": options["days"],
                "disciplines": [d.strip().upper() for d in options["disciplines"].split(",")],
                "max_duties": options["max_duties"],
            }
            kind = PlanningJob.Kind.ROSTER
        else:
            params |= {"max_distance_km": options["max_distance"]}
            kind = PlanningJob.Kind.ASSIGN
        job = jobs.run_job(services.create_job(kind, region, params).pk)
        if job.status == PlanningJob.Status.FAILED:
            raise CommandError(job.messages.splitlines()[0] if job.messages else "mislukt")
        for line in job.messages.splitlines():
            self.stdout.write(f"! {line}")
        result = job.result
        if kind == PlanningJob.Kind.ROSTER:
            self._roster(result)
        else:
            self._assign(result)
        self._summary(job)
        if options["accept"]:
            try:
                written = services.accept(job.pk)
            except services.PlanningError as error:
                raise CommandError(str(error)) from error
            self.stdout.write(f"Geaccepteerd: {written} afspraken geschreven ({job.code_prefix}…).")

    def _roster(self, result: dict) -> None:
        out = self.stdout.write
        out(f"ANW-rooster {result['region']} vanaf {result['start']}, {result['days']} dagen")
        for d in result["duties"]:
            out(
                f"  {d['start'][:16]} – {d['end'][:16]}  {d['kind']:<12} {d['requirement']:<12} {d['name']}"
            )
        for u in result["unfilled"]:
            out(
                f"  ONBEZET {u['start'][:16]} – {u['end'][:16]} {u['requirement']} ({u['missing']})"
            )
        out("Diensten per persoon (diensten / nachten / weekend+feestdag / last / doel):")
        for c in result["counts"]:
            out(
                f"  {c['name']:<24} {c['organisation']:<10} {c['duties']:>3} {c['nights']:>3} "
                f"{c['weekend_holiday']:>3} {c['load']:>6.2f} {c['target']:>6.2f}"
            )

    def _assign(self, result: dict) -> None:
        out = self.stdout.write
        out("Toewijzing vaste huisarts:")
        for a in result["assignments"]:
            ion = " ION" if a["ion"] else ""
            out(
                f"  {a['location_name']} ({a['patients']}) → {a['practice_name']}, {a['distance_km']:.1f} km{ion}"
            )
            out(f"    {a['explanation']}")
        for code in result["unassigned"]:
            out(f"  NIET TOEGEWEZEN: {code}")
        out("Bezetting per praktijk:")
        for name, share in result["utilisation"].items():
            out(f"  {name}: {100 * share:.0f}%")

    def _summary(self, job: PlanningJob) -> None:
        result, out = job.result, self.stdout.write
        if result["violations"]:
            out("Geschonden wensen en verdeling:")
            for message in result["violations"]:
                out(f"  - {message}")
        check = result["check"]
        out("Controle: " + ("in orde" if check["ok"] else "FOUT"))
        for message in check["violations"]:
            out(f"  - {message}")
        gap = "-" if result["gap"] is None else f"{result['gap']}%"
        out(
            f"Status {result['status']}; doelwaarde {result['objective']}, grens {result['bound']}, "
            f"gat {gap}; {result['seconds']} s ({result['solver']}); opdracht {job.pk}"
        )
