"""Settings shared by every environment; everything that differs comes from the environment."""

from __future__ import annotations

from pathlib import Path

import dj_database_url

from mgz.conf.env import env_bool, env_str

BASE_DIR = Path(__file__).resolve().parents[3]
VAR_DIR = Path(env_str("MGZ_VAR_DIR", str(BASE_DIR / "var")))
VAR_DIR.mkdir(parents=True, exist_ok=True)

SECRET_KEY = env_str("SECRET_KEY", "")
DEBUG = env_bool("DEBUG", False)
ALLOWED_HOSTS = [h for h in env_str("ALLOWED_HOSTS", "127.0.0.1,localhost").split(",") if h]

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "mgz.registry",
    "mgz.availability",
    "mgz.exchange",
    "mgz.demo",
    "mgz.conformance",
    "mgz.routing",
    "mgz.accounts",
    "mgz.audit",
    "mgz.web",
    "mgz.handover",
    "mgz.regiotafel",
    "mgz.planning",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
]

ROOT_URLCONF = "mgz.urls"
WSGI_APPLICATION = "mgz.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "mgz.web.context.navigation",
            ]
        },
    }
]

DATABASES = {
    "default": dj_database_url.parse(
        env_str("DATABASE_URL", f"sqlite:///{VAR_DIR / 'mgz.sqlite3'}"), conn_max_age=60
    )
}
# Parallel test runs on one PostgreSQL server need their own test database names.
if env_str("MGZ_TEST_DB_NAME"):
    DATABASES["default"]["TEST"] = {"NAME": env_str("MGZ_TEST_DB_NAME")}
if DATABASES["default"]["ENGINE"].endswith("sqlite3"):
    # WAL and a busy timeout keep a local demo responsive while an import runs.
    DATABASES["default"]["OPTIONS"] = {
        "timeout": 20,
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
    }
    DATABASES["default"]["CONN_MAX_AGE"] = 0

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 10},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
]

LANGUAGE_CODE = "nl"
TIME_ZONE = "Europe/Amsterdam"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = VAR_DIR / "static"
MEDIA_ROOT = VAR_DIR / "media"

# BSN protection: encrypted at rest (Fernet) and searchable by a keyed hash (HMAC-SHA256).
MGZ_BSN_ENCRYPTION_KEY = env_str("MGZ_BSN_ENCRYPTION_KEY", "")
MGZ_BSN_HASH_KEY = env_str("MGZ_BSN_HASH_KEY", "")

# The ANW calendar. Weekday ANW hours are a default; each region may set its own.
MGZ_ANW_WEEKDAY_START = env_str("MGZ_ANW_WEEKDAY_START", "17:00")
MGZ_ANW_WEEKDAY_END = env_str("MGZ_ANW_WEEKDAY_END", "08:00")
# Holidays are the NZa list in mgz.core.calendar (from the `holidays` package).
# Extra dates (ISO) a deployment treats as holidays, e.g. a regional agreement.
MGZ_ANW_EXTRA_HOLIDAYS = [d for d in env_str("MGZ_ANW_EXTRA_HOLIDAYS", "").split(",") if d]

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "WARNING")},
}

# --- Accounts, audit and web security (owned by the web/accounts/audit apps) ---------------
import os as _os  # noqa: E402

INSTALLED_APPS += ["django_otp", "django_otp.plugins.otp_totp", "axes", "csp"]
MIDDLEWARE.insert(0, "mgz.audit.middleware.RequestIdMiddleware")
_auth = MIDDLEWARE.index("django.contrib.auth.middleware.AuthenticationMiddleware")
MIDDLEWARE[_auth + 1 : _auth + 1] = [
    "django_otp.middleware.OTPMiddleware",
    "mgz.accounts.middleware.RequireOTPMiddleware",
]
MIDDLEWARE += ["csp.middleware.CSPMiddleware", "axes.middleware.AxesMiddleware"]

AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "web:home"
LOGOUT_REDIRECT_URL = "accounts:login"

# Login throttling: 5 failures per username+address lock it for an hour.
AXES_FAILURE_LIMIT = int(env_str("MGZ_LOGIN_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = 1
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "accounts/locked.html"
AXES_VERBOSE = False

# Sessions: short, HttpOnly, SameSite; Secure cookies and HSTS outside DEBUG and the dev server.
SESSION_COOKIE_AGE = 8 * 60 * 60
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_HTTPONLY = True
X_FRAME_OPTIONS = "DENY"
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
_SECURE = env_bool(
    "MGZ_SECURE_COOKIES",
    not DEBUG and _os.environ.get("DJANGO_SETTINGS_MODULE") != "mgz.conf.dev",
)
SESSION_COOKIE_SECURE = _SECURE
CSRF_COOKIE_SECURE = _SECURE
SECURE_HSTS_SECONDS = 31536000 if _SECURE else 0
SECURE_HSTS_INCLUDE_SUBDOMAINS = _SECURE

# A strict Content-Security-Policy: only our own origin, no inline script, no inline style.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'none'"],
        "frame-ancestors": ["'none'"],
        "form-action": ["'self'"],
    }
}
# How long a break-the-glass reason opens one patient for the user (minutes).
MGZ_BREAK_GLASS_MINUTES = 30
# --- end of accounts, audit and web security -------------------------------------------------
