"""Password reset through allauth's app client: a link to the front end is mailed, with a key.

The link is settings.FRONTEND_URL's page for the key (DJANGO_FRONTEND_URL); the front end
posts the key and the new password back to allauth.
"""

import re

import pytest
from django.conf import settings
from pytest_django import DjangoCaptureOnCommitCallbacks
from rest_framework.test import APIClient

from {{ cookiecutter.project_slug }}.modules.users.models import User
from {{ cookiecutter.project_slug }}.modules.users.tests.accounts import (
    APP,
    PASSWORD,
    app_sign_up,
    mails_to,
)

pytestmark = pytest.mark.django_db

REQUEST_URL = f"{APP}/auth/password/request"
RESET_URL = f"{APP}/auth/password/reset"
LOGIN_URL = f"{APP}/auth/login"
EMAIL = "alan@example.com"
NEW_PASSWORD = "quince harbour violin 17"


def mailed_reset_key(address: str) -> str:
    """The key in the reset link of the last mail to `address`; the link is the front end's."""
    messages = mails_to(address)
    assert messages, f"no mail to {address}"
    body = str(messages[-1].body)
    prefix = f"{settings.FRONTEND_URL}/account/password/reset/key/"
    match = re.search(re.escape(prefix) + r"(\S+)", body)
    assert match, body
    return match.group(1)


def request_reset(
    client: APIClient, commit: DjangoCaptureOnCommitCallbacks, *, email: str = EMAIL
) -> None:
    with commit(execute=True):
        response = client.post(REQUEST_URL, {"email": email}, format="json")
    assert response.status_code == 200, response.json()


def log_in_status(password: str) -> int:
    response = APIClient().post(LOGIN_URL, {"email": EMAIL, "password": password}, format="json")
    return response.status_code


@pytest.fixture
def account(django_capture_on_commit_callbacks: DjangoCaptureOnCommitCallbacks) -> User:
    """An account that signed up and verified its address, with PASSWORD."""
    app_sign_up(APIClient(), django_capture_on_commit_callbacks, email=EMAIL)
    return User.objects.get(email=EMAIL)


def test_password_request_mails_a_link_to_the_front_end(
    account: User,
    api_client: APIClient,
    django_capture_on_commit_callbacks: DjangoCaptureOnCommitCallbacks,
) -> None:
    sent_before = len(mails_to(EMAIL))

    request_reset(api_client, django_capture_on_commit_callbacks)

    assert len(mails_to(EMAIL)) == sent_before + 1
    assert mailed_reset_key(EMAIL)


def test_password_reset_with_the_mailed_key_replaces_the_password(
    account: User,
    api_client: APIClient,
    django_capture_on_commit_callbacks: DjangoCaptureOnCommitCallbacks,
) -> None:
    request_reset(api_client, django_capture_on_commit_callbacks)

    with django_capture_on_commit_callbacks(execute=True):
        response = api_client.post(
            RESET_URL,
            {"key": mailed_reset_key(EMAIL), "password": NEW_PASSWORD},
            format="json",
        )

    assert response.status_code == 401, response.json()  # reset, not logged in
    account.refresh_from_db()
    assert account.check_password(NEW_PASSWORD)
    assert log_in_status(NEW_PASSWORD) == 200
    assert log_in_status(PASSWORD) == 400


def test_password_reset_key_works_once(
    account: User,
    api_client: APIClient,
    django_capture_on_commit_callbacks: DjangoCaptureOnCommitCallbacks,
) -> None:
    request_reset(api_client, django_capture_on_commit_callbacks)
    key = mailed_reset_key(EMAIL)
    with django_capture_on_commit_callbacks(execute=True):
        api_client.post(RESET_URL, {"key": key, "password": NEW_PASSWORD}, format="json")

    response = api_client.post(
        RESET_URL, {"key": key, "password": "another fine passphrase"}, format="json"
    )

    assert response.status_code == 400, response.json()
    assert [error["param"] for error in response.json()["errors"]] == ["key"]
    account.refresh_from_db()
    assert account.check_password(NEW_PASSWORD)


def test_password_reset_with_a_made_up_key_answers_400(
    account: User, api_client: APIClient
) -> None:
    response = api_client.post(
        RESET_URL, {"key": "1-made-up-key", "password": NEW_PASSWORD}, format="json"
    )

    assert response.status_code == 400, response.json()
    account.refresh_from_db()
    assert account.check_password(PASSWORD)


def test_password_reset_to_a_weak_password_answers_400(
    account: User,
    api_client: APIClient,
    django_capture_on_commit_callbacks: DjangoCaptureOnCommitCallbacks,
) -> None:
    request_reset(api_client, django_capture_on_commit_callbacks)

    response = api_client.post(
        RESET_URL, {"key": mailed_reset_key(EMAIL), "password": "password"}, format="json"
    )

    assert response.status_code == 400, response.json()
    assert [error["param"] for error in response.json()["errors"]] == ["password"]
    account.refresh_from_db()
    assert account.check_password(PASSWORD)


def test_password_request_for_an_unknown_address_answers_as_for_a_known_one(
    account: User,
    api_client: APIClient,
    django_capture_on_commit_callbacks: DjangoCaptureOnCommitCallbacks,
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        known = api_client.post(REQUEST_URL, {"email": EMAIL}, format="json")
        unknown = api_client.post(REQUEST_URL, {"email": "nobody@example.com"}, format="json")

    assert unknown.status_code == known.status_code == 200
    assert unknown.json() == known.json()
    # Its owner is told there is no account there; no reset link goes out.
    [message] = mails_to("nobody@example.com")
    assert "/account/password/reset/key/" not in str(message.body)
    assert not User.objects.filter(email="nobody@example.com").exists()
