"""The test suite: fast hashing, fixed keys."""

from mgz.conf.base import *  # noqa: F403

DEBUG = False
SECRET_KEY = "test-secret-key"
MGZ_BSN_ENCRYPTION_KEY = "test-bsn-key"
MGZ_BSN_HASH_KEY = "test-bsn-hash-key"
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
