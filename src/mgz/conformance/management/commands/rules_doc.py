"""mgz rules_doc: write docs/rules.md from the rule modules (or --check that it is current)."""

from __future__ import annotations

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from mgz.core.rules.registry import render_catalogue


def rules_doc_path() -> Path:
    return Path(settings.BASE_DIR) / "docs" / "rules.md"


class Command(BaseCommand):
    help = "Schrijf docs/rules.md uit de regels in de code (één bron van waarheid)."

    def add_arguments(self, parser) -> None:
        parser.add_argument("--check", action="store_true", help="alleen controleren")

    def handle(self, *args, **options) -> None:
        path = rules_doc_path()
        text = render_catalogue()
        if options["check"]:
            if not path.exists() or path.read_text(encoding="utf-8") != text:
                raise CommandError(f"{path} is niet actueel; draai `mgz rules_doc`.")
            self.stdout.write("docs/rules.md is actueel.")
            return
        path.write_text(text, encoding="utf-8")
        self.stdout.write(f"{path} geschreven ({len(text.splitlines())} regels).")
