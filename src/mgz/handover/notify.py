"""Telling the people involved in a transfer what happened, by e-mail (Django's mail backend;
the console backend in development).

A professional in the registry has no e-mail address of their own; the address is that of the
user account linked to them (accounts.Membership.professional). Without such an account
nobody is mailed, and the transfer still proceeds: the history on the page is the record.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable

from django.conf import settings
from django.core.mail import send_mail

from mgz.registry.models import Professional

log = logging.getLogger(__name__)


def recipients_for(professional: Professional | None) -> list[str]:
    """E-mail addresses of the user accounts linked to this professional."""
    if professional is None:
        return []
    try:
        from mgz.accounts.models import Membership
    except ImportError:  # pragma: no cover - the accounts app is always installed in the product
        return []
    emails = Membership.objects.filter(professional=professional).values_list(
        "user__email", flat=True
    )
    return sorted({e for e in emails if e})


def notify(professionals: Iterable[Professional | None], subject: str, body: str) -> int:
    """Mail every linked account once; returns how many addresses were mailed."""
    to: set[str] = set()
    for professional in professionals:
        to.update(recipients_for(professional))
    if not to:
        return 0
    sender = getattr(settings, "DEFAULT_FROM_EMAIL", "mgz@localhost")
    try:
        send_mail(f"[MGZ] {subject}", body, sender, sorted(to))
    except OSError:
        # A mail server that is down must not undo a physician's decision; the history shows it.
        log.exception("Bericht over overdracht kon niet worden verstuurd")
        return 0
    return len(to)
