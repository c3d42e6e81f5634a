"""BSN at rest: Fernet encryption, and an HMAC so an exact BSN can be found without decrypting."""

from __future__ import annotations

import base64
import hashlib
import hmac
from functools import lru_cache

from cryptography.fernet import Fernet
from django.conf import settings

from mgz.core.bsn import normalise_bsn


@lru_cache(maxsize=4)
def _fernet(secret: str) -> Fernet:
    # A Fernet key is 32 url-safe base64 bytes; derive one from the configured secret.
    key = base64.urlsafe_b64encode(hashlib.sha256(secret.encode()).digest())
    return Fernet(key)


def encrypt(bsn: str) -> str:
    return _fernet(settings.MGZ_BSN_ENCRYPTION_KEY).encrypt(normalise_bsn(bsn).encode()).decode()


def decrypt(token: str) -> str:
    return _fernet(settings.MGZ_BSN_ENCRYPTION_KEY).decrypt(token.encode()).decode()


def search_key(bsn: str) -> str:
    key = settings.MGZ_BSN_HASH_KEY.encode()
    return hmac.new(key, normalise_bsn(bsn).encode(), hashlib.sha256).hexdigest()
