from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand

from mgz.erd import render


class Command(BaseCommand):
    help = "Schrijft docs/data-model.md (ER-diagram) opnieuw uit de modellen."

    def handle(self, *args, **options):
        target = Path(settings.BASE_DIR) / "docs" / "data-model.md"
        target.write_text(render(), encoding="utf-8")
        self.stdout.write(f"{target} geschreven")
