"""CORS: a front end on another origin that DJANGO_CORS_ALLOWED_ORIGINS lists may call allauth.

Browsers ask first (a preflight OPTIONS request); only a listed origin is told yes, with
cookies and the X-Session-Token header allowed.
"""

import pytest
from django.test import Client
from pytest_django import Settings

from {{ cookiecutter.project_slug }}.modules.users.tests.accounts import APP

LOGIN_URL = f"{APP}/auth/login"
FRONT_END = "https://app.example.com"


@pytest.fixture(autouse=True)
def front_end_allowed(settings: Settings) -> None:
    settings.CORS_ALLOWED_ORIGINS = [FRONT_END]


def preflight(origin: str) -> dict[str, str]:
    """The CORS headers of the answer to a browser's preflight of a log-in from `origin`."""
    response = Client().options(
        LOGIN_URL,
        headers={
            "Origin": origin,
            "Access-Control-Request-Method": "POST",
            "Access-Control-Request-Headers": "content-type, x-session-token",
        },
    )
    assert response.status_code == 200
    return {
        name.lower(): value
        for name, value in response.headers.items()
        if name.lower().startswith("access-control-")
    }


def test_cors_preflight_from_an_allowed_origin_allows_the_session_token_and_cookies() -> None:
    headers = preflight(FRONT_END)

    assert headers["access-control-allow-origin"] == FRONT_END
    assert headers["access-control-allow-credentials"] == "true"
    allowed_headers = {name.strip() for name in headers["access-control-allow-headers"].split(",")}
    allauth_headers = {"x-session-token", "x-email-verification-key", "x-password-reset-key"}
    assert {*allauth_headers, "content-type", "x-csrftoken"} <= allowed_headers
    assert "POST" in headers["access-control-allow-methods"]


def test_cors_preflight_from_another_origin_gets_no_allow_origin() -> None:
    headers = preflight("https://evil.example.net")

    assert "access-control-allow-origin" not in headers
    assert "access-control-allow-credentials" not in headers
