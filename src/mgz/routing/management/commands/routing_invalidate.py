"""`mgz routing_invalidate`: after bulk writes that send no signals (e.g. `mgz demo`)."""

from __future__ import annotations

from django.core.management.base import BaseCommand

from mgz.routing.services import invalidate


class Command(BaseCommand):
    help = (
        "Markeert de routeringsgegevens als gewijzigd, zodat elk proces zijn "
        "routeringsindex binnen een seconde opnieuw opbouwt."
    )

    def handle(self, *args: object, **options: object) -> None:
        invalidate()
        self.stdout.write("Routeringsindex ongeldig gemaakt; wordt bij de volgende vraag herbouwd.")
