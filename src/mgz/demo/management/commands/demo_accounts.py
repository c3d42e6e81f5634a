"""`mgz demo_accounts`: create or refresh the demo accounts and print how to log in.

The accounts themselves (one per role, `beheerder` being the superuser) are specified in
`mgz.accounts.demo.DEMO_ACCOUNTS`; adding a role there adds it here.
"""

from __future__ import annotations

from django.core.management.base import BaseCommand

from mgz.accounts.constants import Role
from mgz.accounts.demo import ensure_demo_accounts

WARNING = (
    "LET OP: dit zijn DEMO-accounts met bekende wachtwoorden. Gebruik ze alleen met "
    "synthetische demo-data, nooit in productie."
)


class Command(BaseCommand):
    help = "Maakt de demo-accounts aan (of werkt ze bij) en toont hun inloggegevens."

    def handle(self, *args: object, **options: object) -> None:
        rows = ensure_demo_accounts()
        labels = dict(Role.choices)
        out = self.stdout
        out.write(self.style.WARNING(WARNING))
        out.write("Demo-accounts (gebruikersnaam / wachtwoord / rol / TOTP-geheim):")
        width = max(len(username) for username, *_ in rows)
        for username, password, role, secret in rows:
            out.write(f"  {username:<{width}}  {password:<24}  {labels.get(role, role)}")
            out.write(f"  {'':<{width}}  TOTP-geheim: {secret}")
        out.write(
            "Voeg het TOTP-geheim toe aan een authenticator-app (handmatige invoer) voor de "
            "tweede stap bij het inloggen."
        )
