"""Local development and the demo (`make run`)."""

from mgz.conf.base import *  # noqa: F403
from mgz.conf.env import env_bool

DEBUG = env_bool("DEBUG", True)
SECRET_KEY = SECRET_KEY or "dev-only-insecure-key-change-me"  # noqa: F405
MGZ_BSN_ENCRYPTION_KEY = MGZ_BSN_ENCRYPTION_KEY or "dev-only-bsn-key"  # noqa: F405
MGZ_BSN_HASH_KEY = MGZ_BSN_HASH_KEY or "dev-only-bsn-hash-key"  # noqa: F405
EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
