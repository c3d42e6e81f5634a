"""`mgz regiotafel_deadlines`: flag knelpunten whose deadline passed and mail the responsible
party once per overdue rung. Safe to run from cron as often as you like."""

from __future__ import annotations

from datetime import date

from django.core.management.base import BaseCommand, CommandParser

from mgz.regiotafel.services import send_overdue_reminders


class Command(BaseCommand):
    help = "Markeer verstreken termijnen van knelpunten en mail de verantwoordelijke partij (eenmalig)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--today", type=date.fromisoformat, help="peildatum (JJJJ-MM-DD)")

    def handle(self, *args, today: date | None = None, **options) -> None:
        sent = send_overdue_reminders(today)
        for step_id, recipients in sent:
            self.stdout.write(f"trede {step_id}: gemaild naar {', '.join(recipients)}")
        self.stdout.write(self.style.SUCCESS(f"{len(sent)} herinnering(en) verstuurd."))
