"""allauth's browser client (/_allauth/browser/v1/), as a web front end uses it.

A session cookie, and Django's CSRF protection on every unsafe request: allauth's and the
project's own API (/api/users/me/) alike.
"""

import pytest
from django.conf import settings
from pytest_django import DjangoCaptureOnCommitCallbacks
from rest_framework.test import APIClient

from {{ cookiecutter.project_slug }}.core.testing.assertions import assert_error_response
from {{ cookiecutter.project_slug }}.modules.users.models import User
from {{ cookiecutter.project_slug }}.modules.users.tests.accounts import (
    BROWSER,
    ME_URL,
    PASSWORD,
    mailed_verification_code,
    pending_flows,
)

pytestmark = pytest.mark.django_db

CONFIG_URL = f"{BROWSER}/config"
SIGNUP_URL = f"{BROWSER}/auth/signup"
VERIFY_URL = f"{BROWSER}/auth/email/verify"
LOGIN_URL = f"{BROWSER}/auth/login"
SESSION_URL = f"{BROWSER}/auth/session"
EMAIL = "grace@example.com"


def new_browser() -> APIClient:
    """A browser that opened the front end: it holds allauth's CSRF cookie.

    It keeps cookies, and Django checks its CSRF token as it would in production.
    """
    client = APIClient(enforce_csrf_checks=True)
    response = client.get(CONFIG_URL)
    assert response.status_code == 200
    assert settings.CSRF_COOKIE_NAME in client.cookies
    return client


@pytest.fixture
def browser() -> APIClient:
    return new_browser()


def csrf(client: APIClient) -> dict[str, str]:
    """The header a front end sends with the CSRF cookie's current value (log-in rotates it)."""
    return {"X-CSRFToken": client.cookies[settings.CSRF_COOKIE_NAME].value}


def sign_up(browser: APIClient, commit: DjangoCaptureOnCommitCallbacks) -> None:
    """Sign up and verify with the mailed code: the browser's session is logged in."""
    with commit(execute=True):
        response = browser.post(
            SIGNUP_URL, {"email": EMAIL, "password": PASSWORD}, format="json", headers=csrf(browser)
        )
    assert response.status_code == 401, response.json()
    response = browser.post(
        VERIFY_URL, {"key": mailed_verification_code(EMAIL)}, format="json", headers=csrf(browser)
    )
    assert response.status_code == 200, response.json()


def test_browser_sign_up_without_a_csrf_token_is_refused_403(browser: APIClient) -> None:
    response = browser.post(SIGNUP_URL, {"email": EMAIL, "password": PASSWORD}, format="json")

    assert response.status_code == 403
    assert not User.objects.exists()


def test_browser_sign_up_answers_401_with_a_pending_verification_and_no_token(
    browser: APIClient, django_capture_on_commit_callbacks: DjangoCaptureOnCommitCallbacks
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        response = browser.post(
            SIGNUP_URL, {"email": EMAIL, "password": PASSWORD}, format="json", headers=csrf(browser)
        )

    assert response.status_code == 401, response.json()
    body = response.json()
    assert pending_flows(body) == ["verify_email"]
    # The browser's session is its cookie; only apps get a token.
    assert "session_token" not in body["meta"]
    assert settings.SESSION_COOKIE_NAME in browser.cookies
    assert User.objects.filter(email=EMAIL).exists()


def test_browser_email_verify_logs_the_session_in_for_the_api(
    browser: APIClient, django_capture_on_commit_callbacks: DjangoCaptureOnCommitCallbacks
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        browser.post(
            SIGNUP_URL, {"email": EMAIL, "password": PASSWORD}, format="json", headers=csrf(browser)
        )
    assert browser.get(ME_URL).status_code == 403

    response = browser.post(
        VERIFY_URL, {"key": mailed_verification_code(EMAIL)}, format="json", headers=csrf(browser)
    )

    assert response.status_code == 200, response.json()
    assert response.json()["meta"]["is_authenticated"] is True
    me = browser.get(ME_URL)
    assert me.status_code == 200, me.json()
    assert me.json()["email"] == EMAIL


def test_browser_login_without_a_csrf_token_is_refused_403(
    browser: APIClient, django_capture_on_commit_callbacks: DjangoCaptureOnCommitCallbacks
) -> None:
    sign_up(browser, django_capture_on_commit_callbacks)
    other_browser = new_browser()

    response = other_browser.post(LOGIN_URL, {"email": EMAIL, "password": PASSWORD}, format="json")

    assert response.status_code == 403
    assert other_browser.get(ME_URL).status_code == 403


def test_browser_login_logs_the_session_in_for_the_api(
    browser: APIClient, django_capture_on_commit_callbacks: DjangoCaptureOnCommitCallbacks
) -> None:
    sign_up(browser, django_capture_on_commit_callbacks)
    other_browser = new_browser()

    response = other_browser.post(
        LOGIN_URL,
        {"email": EMAIL, "password": PASSWORD},
        format="json",
        headers=csrf(other_browser),
    )

    assert response.status_code == 200, response.json()
    assert response.json()["data"]["user"]["email"] == EMAIL
    me = other_browser.get(ME_URL)
    assert me.status_code == 200, me.json()
    assert me.json()["email"] == EMAIL


def test_browser_api_write_without_a_csrf_token_is_refused_403(
    browser: APIClient, django_capture_on_commit_callbacks: DjangoCaptureOnCommitCallbacks
) -> None:
    sign_up(browser, django_capture_on_commit_callbacks)

    response = browser.patch(ME_URL, {"name": "Grace"}, format="json")

    assert_error_response(response, status=403, code="permission_denied")
    assert User.objects.get(email=EMAIL).name == ""


def test_browser_api_write_with_the_csrf_token_succeeds(
    browser: APIClient, django_capture_on_commit_callbacks: DjangoCaptureOnCommitCallbacks
) -> None:
    sign_up(browser, django_capture_on_commit_callbacks)

    response = browser.patch(ME_URL, {"name": "Grace"}, format="json", headers=csrf(browser))

    assert response.status_code == 200, response.json()
    assert User.objects.get(email=EMAIL).name == "Grace"


def test_browser_logout_ends_the_session(
    browser: APIClient, django_capture_on_commit_callbacks: DjangoCaptureOnCommitCallbacks
) -> None:
    sign_up(browser, django_capture_on_commit_callbacks)

    response = browser.delete(SESSION_URL, headers=csrf(browser))

    assert response.status_code == 401, response.json()
    assert response.json()["meta"]["is_authenticated"] is False
    assert_error_response(browser.get(ME_URL), status=403, code="not_authenticated")


def test_browser_logout_without_a_csrf_token_is_refused_403(
    browser: APIClient, django_capture_on_commit_callbacks: DjangoCaptureOnCommitCallbacks
) -> None:
    sign_up(browser, django_capture_on_commit_callbacks)

    response = browser.delete(SESSION_URL)

    assert response.status_code == 403
    assert browser.get(ME_URL).status_code == 200


def test_browser_login_with_a_wrong_password_answers_400(
    browser: APIClient, django_capture_on_commit_callbacks: DjangoCaptureOnCommitCallbacks
) -> None:
    sign_up(browser, django_capture_on_commit_callbacks)
    other_browser = new_browser()

    response = other_browser.post(
        LOGIN_URL,
        {"email": EMAIL, "password": "not the password"},
        format="json",
        headers=csrf(other_browser),
    )

    assert response.status_code == 400, response.json()
    assert [error["code"] for error in response.json()["errors"]] == ["email_password_mismatch"]
    assert other_browser.get(ME_URL).status_code == 403


def test_browser_login_repeated_wrong_passwords_are_answered_429(
    browser: APIClient, django_capture_on_commit_callbacks: DjangoCaptureOnCommitCallbacks
) -> None:
    sign_up(browser, django_capture_on_commit_callbacks)
    other_browser = new_browser()

    def log_in(password: str) -> int:
        response = other_browser.post(
            LOGIN_URL,
            {"email": EMAIL, "password": password},
            format="json",
            headers=csrf(other_browser),
        )
        return response.status_code

    # allauth's default: 30 log-in requests a minute from one IP (app_accounts tests the rest).
    statuses = [log_in("not the password") for _ in range(30)]
    assert set(statuses) == {400}
    assert log_in("not the password") == 429
    assert log_in(PASSWORD) == 429
    assert other_browser.get(ME_URL).status_code == 403
