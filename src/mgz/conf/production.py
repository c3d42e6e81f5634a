"""Production: every secret must come from the environment."""

from django.core.exceptions import ImproperlyConfigured

from mgz.conf.base import *  # noqa: F403

for _name in ("SECRET_KEY", "MGZ_BSN_ENCRYPTION_KEY", "MGZ_BSN_HASH_KEY"):
    if not globals()[_name]:
        raise ImproperlyConfigured(f"{_name} ontbreekt in de omgeving")

SECURE_SSL_REDIRECT = True
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SECURE_HSTS_SECONDS = 31536000
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
