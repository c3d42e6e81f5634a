"""Every URL of the project without parameters, for anonymous users and every role: nothing
leaks to anonymous users, nothing crashes for any role. The detailed expectations per page
are in test_permission_matrix.py (web) and test_api_matrix.py (API)."""

from __future__ import annotations

import pytest
from django.urls import URLPattern, URLResolver, get_resolver

from tests.conftest import login

# Public on purpose: the login page, and the FHIR capability statement.
PUBLIC = {"/account/inloggen/", "/fhir/metadata"}


def _plain_paths(patterns=None, prefix: str = "") -> list[str]:
    found = []
    for entry in patterns if patterns is not None else get_resolver().url_patterns:
        route = str(entry.pattern)
        if isinstance(entry, URLResolver):
            if route.startswith("admin/") or "<" in route:
                continue
            found += _plain_paths(entry.url_patterns, prefix + route)
        elif isinstance(entry, URLPattern) and "<" not in route and "(?P" not in route:
            path = "/" + prefix + route.lstrip("^").rstrip("$")
            if "\\" not in path and "openapi" not in path and "docs" not in path:
                found.append(path)
    return sorted(set(found))


PATHS = _plain_paths()


@pytest.mark.parametrize("path", PATHS)
def test_anonymous_users_get_nothing(client, db, path):
    if path in PUBLIC:
        return
    response = client.get(path)
    assert response.status_code in (302, 401, 403, 404, 405), path


@pytest.mark.parametrize(
    "user", ["regio", "regiotafel", "aanbieder", "so", "hap", "privacy", "beheerder", "zonderrol"]
)
def test_no_page_crashes_for_any_role(client, world, user):
    login(client, world.users[user])
    for path in PATHS:
        assert client.get(path).status_code < 500, (user, path)
