"""allauth's app client (/_allauth/app/v1/), as a mobile app uses it: an X-Session-Token header.

From sign-up to log-out, with the same token on the project's own API (/api/users/me/).
"""

import pytest
from pytest_django import DjangoCaptureOnCommitCallbacks
from rest_framework.test import APIClient

from {{ cookiecutter.project_slug }}.core.events import Event
from {{ cookiecutter.project_slug }}.core.testing.assertions import assert_error_response
from {{ cookiecutter.project_slug }}.modules.users.events import UserSignedUp
from {{ cookiecutter.project_slug }}.modules.users.models import User
from {{ cookiecutter.project_slug }}.modules.users.tests.accounts import (
    APP,
    ME_URL,
    PASSWORD,
    VERIFICATION_CODE,
    app_sign_up,
    mailed_verification_code,
    mails_to,
    pending_flows,
)
from {{ cookiecutter.project_slug }}.modules.users.tests.factories import UserFactory

pytestmark = pytest.mark.django_db

SIGNUP_URL = f"{APP}/auth/signup"
VERIFY_URL = f"{APP}/auth/email/verify"
LOGIN_URL = f"{APP}/auth/login"
SESSION_URL = f"{APP}/auth/session"
EMAIL = "ada@example.com"

# allauth's default ACCOUNT_RATE_LIMITS, which the project keeps: 5 failed log-ins for one
# address lock it for a while; 30 log-in requests a minute from one IP are answered 429.
FAILED_LOGINS_PER_ADDRESS = 5
LOGINS_PER_IP_A_MINUTE = 30


def sign_up_pending_verification(client: APIClient, commit: DjangoCaptureOnCommitCallbacks) -> str:
    """Sign up, and stop there; the session token of the sign-up waiting for verification."""
    with commit(execute=True):
        response = client.post(SIGNUP_URL, {"email": EMAIL, "password": PASSWORD}, format="json")
    assert response.status_code == 401, response.json()
    return str(response.json()["meta"]["session_token"])


def test_app_sign_up_answers_401_with_a_pending_verification_and_a_session_token(
    api_client: APIClient,
    django_capture_on_commit_callbacks: DjangoCaptureOnCommitCallbacks,
    published_events: list[Event],
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        response = api_client.post(
            SIGNUP_URL, {"email": EMAIL, "password": PASSWORD}, format="json"
        )

    assert response.status_code == 401, response.json()
    body = response.json()
    assert pending_flows(body) == ["verify_email"]
    assert body["meta"]["is_authenticated"] is False
    assert body["meta"]["session_token"]
    user = User.objects.get(email=EMAIL)
    assert user.check_password(PASSWORD)
    assert len(mails_to(EMAIL)) == 1
    assert VERIFICATION_CODE.search(str(mails_to(EMAIL)[0].body))
    [event] = published_events
    assert isinstance(event, UserSignedUp)
    assert event.user_id == str(user.public_id)


def test_app_session_token_of_an_unverified_sign_up_is_refused_by_the_api(
    api_client: APIClient, django_capture_on_commit_callbacks: DjangoCaptureOnCommitCallbacks
) -> None:
    token = sign_up_pending_verification(api_client, django_capture_on_commit_callbacks)

    response = api_client.get(ME_URL, headers={"X-Session-Token": token})

    assert_error_response(response, status=403, code="not_authenticated")


def test_app_email_verify_with_the_mailed_code_logs_in_for_the_api(
    api_client: APIClient, django_capture_on_commit_callbacks: DjangoCaptureOnCommitCallbacks
) -> None:
    token = sign_up_pending_verification(api_client, django_capture_on_commit_callbacks)

    response = api_client.post(
        VERIFY_URL,
        {"key": mailed_verification_code(EMAIL)},
        format="json",
        headers={"X-Session-Token": token},
    )

    assert response.status_code == 200, response.json()
    body = response.json()
    assert body["meta"]["is_authenticated"] is True
    assert body["data"]["user"]["email"] == EMAIL
    me = api_client.get(ME_URL, headers={"X-Session-Token": body["meta"]["session_token"]})
    assert me.status_code == 200, me.json()
    assert me.json()["email"] == EMAIL
    assert me.json()["public_id"] == str(User.objects.get(email=EMAIL).public_id)


def test_app_email_verify_with_a_wrong_code_answers_400(
    api_client: APIClient, django_capture_on_commit_callbacks: DjangoCaptureOnCommitCallbacks
) -> None:
    token = sign_up_pending_verification(api_client, django_capture_on_commit_callbacks)

    # allauth's codes have no vowels: this is not one of them.
    response = api_client.post(
        VERIFY_URL, {"key": "AAAA-AAAA"}, format="json", headers={"X-Session-Token": token}
    )

    assert response.status_code == 400, response.json()
    assert [error["param"] for error in response.json()["errors"]] == ["key"]
    assert api_client.get(ME_URL, headers={"X-Session-Token": token}).status_code == 403


def test_app_login_answers_200_with_a_session_token_for_the_api(
    api_client: APIClient, django_capture_on_commit_callbacks: DjangoCaptureOnCommitCallbacks
) -> None:
    sign_up_token = app_sign_up(api_client, django_capture_on_commit_callbacks, email=EMAIL)
    app = APIClient()

    response = app.post(LOGIN_URL, {"email": EMAIL, "password": PASSWORD}, format="json")

    assert response.status_code == 200, response.json()
    body = response.json()
    assert body["meta"]["is_authenticated"] is True
    token = body["meta"]["session_token"]
    assert token != sign_up_token
    me = app.get(ME_URL, headers={"X-Session-Token": token})
    assert me.status_code == 200, me.json()
    assert me.json()["email"] == EMAIL


def test_app_logout_ends_the_session_token(
    api_client: APIClient, django_capture_on_commit_callbacks: DjangoCaptureOnCommitCallbacks
) -> None:
    app_sign_up(api_client, django_capture_on_commit_callbacks, email=EMAIL)
    app = APIClient()
    response = app.post(LOGIN_URL, {"email": EMAIL, "password": PASSWORD}, format="json")
    app.credentials(HTTP_X_SESSION_TOKEN=response.json()["meta"]["session_token"])
    assert app.get(ME_URL).status_code == 200

    response = app.delete(SESSION_URL)

    assert response.status_code == 401, response.json()
    assert response.json()["meta"]["is_authenticated"] is False
    assert_error_response(app.get(ME_URL), status=403, code="not_authenticated")


def test_app_login_with_a_wrong_password_answers_400(
    api_client: APIClient, django_capture_on_commit_callbacks: DjangoCaptureOnCommitCallbacks
) -> None:
    app_sign_up(api_client, django_capture_on_commit_callbacks, email=EMAIL)
    app = APIClient()

    response = app.post(LOGIN_URL, {"email": EMAIL, "password": "not the password"}, format="json")

    assert response.status_code == 400, response.json()
    body = response.json()
    assert [(error["code"], error["param"]) for error in body["errors"]] == [
        ("email_password_mismatch", "password")
    ]
    assert "meta" not in body or "session_token" not in body["meta"]


def test_app_login_repeated_wrong_passwords_lock_the_address_then_answer_429(
    api_client: APIClient, django_capture_on_commit_callbacks: DjangoCaptureOnCommitCallbacks
) -> None:
    app_sign_up(api_client, django_capture_on_commit_callbacks, email=EMAIL)
    app = APIClient()

    def log_in(password: str) -> tuple[int, str]:
        response = app.post(LOGIN_URL, {"email": EMAIL, "password": password}, format="json")
        errors = response.json().get("errors", [{"code": ""}])
        return response.status_code, errors[0]["code"]

    failures = [log_in("not the password") for _ in range(FAILED_LOGINS_PER_ADDRESS)]
    assert failures == [(400, "email_password_mismatch")] * FAILED_LOGINS_PER_ADDRESS
    # Locked: even the right password is refused now.
    assert log_in(PASSWORD) == (400, "too_many_login_attempts")
    attempts_so_far = FAILED_LOGINS_PER_ADDRESS + 1
    for _ in range(LOGINS_PER_IP_A_MINUTE - attempts_so_far):
        assert log_in("not the password")[0] == 400
    assert log_in("not the password") == (429, "")
    assert log_in(PASSWORD) == (429, "")


def test_app_login_of_an_unverified_account_asks_to_verify_the_address(
    api_client: APIClient, django_capture_on_commit_callbacks: DjangoCaptureOnCommitCallbacks
) -> None:
    # An account staff created: its address was never verified.
    UserFactory.create(email=EMAIL, password=PASSWORD)

    with django_capture_on_commit_callbacks(execute=True):
        response = api_client.post(LOGIN_URL, {"email": EMAIL, "password": PASSWORD}, format="json")

    assert response.status_code == 401, response.json()
    body = response.json()
    assert pending_flows(body) == ["verify_email"]
    assert body["meta"]["is_authenticated"] is False
    token = body["meta"]["session_token"]
    assert_error_response(
        api_client.get(ME_URL, headers={"X-Session-Token": token}),
        status=403,
        code="not_authenticated",
    )
    response = api_client.post(
        VERIFY_URL,
        {"key": mailed_verification_code(EMAIL)},
        format="json",
        headers={"X-Session-Token": token},
    )
    assert response.status_code == 200, response.json()
    assert response.json()["meta"]["is_authenticated"] is True


@pytest.mark.parametrize("email", ["not-an-address", "someone@", "", "two words@example.com"])
def test_app_sign_up_with_a_malformed_email_answers_400(api_client: APIClient, email: str) -> None:
    response = api_client.post(SIGNUP_URL, {"email": email, "password": PASSWORD}, format="json")

    assert response.status_code == 400, response.content
    assert [error["param"] for error in response.json()["errors"]] == ["email"]
    assert not User.objects.exists()


@pytest.mark.parametrize(
    ("password", "code"),
    [
        ("Xq7!zp", "password_too_short"),
        ("password123", "password_too_common"),
        ("73519826403", "password_entirely_numeric"),
    ],
)
def test_app_sign_up_with_a_weak_password_answers_400(
    api_client: APIClient, password: str, code: str
) -> None:
    response = api_client.post(SIGNUP_URL, {"email": EMAIL, "password": password}, format="json")

    assert response.status_code == 400, response.content
    errors = response.json()["errors"]
    assert {error["param"] for error in errors} == {"password"}
    assert code in {error["code"] for error in errors}
    assert not User.objects.exists()


def test_app_sign_up_with_a_body_that_is_not_json_answers_400(api_client: APIClient) -> None:
    response = api_client.post(SIGNUP_URL, "{not json", content_type="application/json")

    assert response.status_code == 400
    assert not User.objects.exists()


@pytest.mark.parametrize("email", ["taken@example.com", "Taken@Example.COM"])
def test_app_sign_up_with_a_taken_address_answers_like_a_new_sign_up(
    api_client: APIClient,
    django_capture_on_commit_callbacks: DjangoCaptureOnCommitCallbacks,
    email: str,
) -> None:
    UserFactory.create(email="taken@example.com")

    with django_capture_on_commit_callbacks(execute=True):
        response = api_client.post(
            SIGNUP_URL, {"email": email, "password": PASSWORD}, format="json"
        )

    # Nothing tells the caller that the address has an account; its owner is told by mail.
    assert response.status_code == 401, response.json()
    assert pending_flows(response.json()) == ["verify_email"]
    assert User.objects.filter(email__iexact="taken@example.com").count() == 1
    [message] = mails_to("taken@example.com")
    assert not VERIFICATION_CODE.search(str(message.body))
