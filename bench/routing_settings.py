"""Settings for the 'routing alone' HTTP run of bench/routing.py (`--bare`).

The project's dev settings with only the middleware the routing endpoint itself needs
(sessions and authentication, which do no query without a cookie). The second-factor and
login-throttling middleware look users up in the database on every API request; leaving them
out isolates what the routing endpoint costs. The full stack is measured too (the default).
"""

from mgz.conf.dev import *  # noqa: F403

DEBUG = False
MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
]
