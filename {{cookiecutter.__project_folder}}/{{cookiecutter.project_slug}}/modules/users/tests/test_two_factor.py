"""Two-factor log-in through allauth's app client: an authenticator app (TOTP), recovery codes.

The tests compute the codes an authenticator app would show (RFC 6238) from the secret
allauth hands out at enrolment.
"""

import base64
import hashlib
import hmac
import struct
import time

import pytest
from pytest_django import DjangoCaptureOnCommitCallbacks, Settings
from rest_framework.test import APIClient

from {{ cookiecutter.project_slug }}.modules.users.tests.accounts import (
    APP,
    ME_URL,
    PASSWORD,
    app_sign_up,
    pending_flows,
)

pytestmark = pytest.mark.django_db

TOTP_URL = f"{APP}/account/authenticators/totp"
RECOVERY_CODES_URL = f"{APP}/account/authenticators/recovery-codes"
LOGIN_URL = f"{APP}/auth/login"
AUTHENTICATE_URL = f"{APP}/auth/2fa/authenticate"
REAUTHENTICATE_URL = f"{APP}/auth/reauthenticate"
EMAIL = "katherine@example.com"
# allauth's defaults (MFA_TOTP_PERIOD, MFA_TOTP_DIGITS), which authenticator apps expect.
TOTP_PERIOD = 30
TOTP_DIGITS = 6


def totp_code(secret: str, *, at: float | None = None) -> str:
    """The code an authenticator app shows for `secret` at time `at` (RFC 6238, SHA-1)."""
    counter = int((time.time() if at is None else at) // TOTP_PERIOD)
    key = base64.b32decode(secret, casefold=True)
    digest = hmac.new(key, struct.pack(">Q", counter), hashlib.sha1).digest()
    offset = digest[-1] & 0x0F
    value = int.from_bytes(digest[offset : offset + 4], "big") & 0x7FFFFFFF
    return f"{value % 10**TOTP_DIGITS:0{TOTP_DIGITS}d}"


def wrong_code(secret: str) -> str:
    """A code of the right shape that no time step near now accepts."""
    now = time.time()
    near = {totp_code(secret, at=now + step * TOTP_PERIOD) for step in range(-3, 4)}
    return next(code for code in (f"{n:0{TOTP_DIGITS}d}" for n in range(10)) if code not in near)


@pytest.fixture(autouse=True)
def one_step_of_tolerance(settings: Settings) -> None:
    """Accept the codes of the steps next to the current one (MFA_TOTP_TOLERANCE).

    A code computed at the end of a 30 s step would otherwise be refused if allauth checks it
    in the next one.
    """
    settings.MFA_TOTP_TOLERANCE = 1


@pytest.fixture
def app(django_capture_on_commit_callbacks: DjangoCaptureOnCommitCallbacks) -> APIClient:
    """An app that signed up, verified its address and is logged in (X-Session-Token)."""
    client = APIClient()
    client.credentials(
        HTTP_X_SESSION_TOKEN=app_sign_up(client, django_capture_on_commit_callbacks, email=EMAIL)
    )
    return client


def reauthenticate(app: APIClient) -> None:
    """Confirm the password again, as allauth asks before a change to the account's security."""
    response = app.post(REAUTHENTICATE_URL, {"password": PASSWORD}, format="json")
    assert response.status_code == 200, response.json()


def enrol(app: APIClient) -> str:
    """Enrol an authenticator app as a user does: read the secret, confirm with a code."""
    reauthenticate(app)
    response = app.get(TOTP_URL)
    assert response.status_code == 404, response.json()
    secret: str = response.json()["meta"]["secret"]
    response = app.post(TOTP_URL, {"code": totp_code(secret)}, format="json")
    assert response.status_code == 200, response.json()
    return secret


def log_in_pending_two_factor() -> tuple[APIClient, dict[str, object]]:
    """A new app logging in with the password: allauth then asks for the second factor."""
    client = APIClient()
    response = client.post(LOGIN_URL, {"email": EMAIL, "password": PASSWORD}, format="json")
    body: dict[str, object] = response.json()
    assert response.status_code == 401, body
    client.credentials(HTTP_X_SESSION_TOKEN=response.json()["meta"]["session_token"])
    return client, body


def test_totp_get_before_enrolment_answers_404_with_a_new_secret(app: APIClient) -> None:
    response = app.get(TOTP_URL)

    assert response.status_code == 404, response.json()
    meta = response.json()["meta"]
    assert len(base64.b32decode(meta["secret"])) == 20
    assert meta["totp_url"].startswith("otpauth://totp/")
    assert f"secret={meta['secret']}" in meta["totp_url"]


def test_totp_enrolment_asks_to_reauthenticate_first(app: APIClient) -> None:
    secret = app.get(TOTP_URL).json()["meta"]["secret"]

    response = app.post(TOTP_URL, {"code": totp_code(secret)}, format="json")

    assert response.status_code == 401, response.json()
    assert "reauthenticate" in [flow["id"] for flow in response.json()["data"]["flows"]]
    not_enrolled = app.get(TOTP_URL)  # which hands out a new secret
    assert not_enrolled.status_code == 404
    reauthenticate(app)
    secret = not_enrolled.json()["meta"]["secret"]
    response = app.post(TOTP_URL, {"code": totp_code(secret)}, format="json")
    assert response.status_code == 200, response.json()


def test_totp_enrolment_with_a_valid_code_activates_it(app: APIClient) -> None:
    enrol(app)

    response = app.get(TOTP_URL)
    assert response.status_code == 200, response.json()
    assert response.json()["data"]["type"] == "totp"


def test_totp_enrolment_with_a_wrong_code_answers_400(app: APIClient) -> None:
    reauthenticate(app)
    secret = app.get(TOTP_URL).json()["meta"]["secret"]

    response = app.post(TOTP_URL, {"code": wrong_code(secret)}, format="json")

    assert response.status_code == 400, response.json()
    assert [error["param"] for error in response.json()["errors"]] == ["code"]
    assert app.get(TOTP_URL).status_code == 404


def test_totp_enrolment_generates_recovery_codes(app: APIClient) -> None:
    assert app.get(RECOVERY_CODES_URL).status_code == 404

    enrol(app)

    response = app.get(RECOVERY_CODES_URL)
    assert response.status_code == 200, response.json()
    data = response.json()["data"]
    assert data["unused_code_count"] == data["total_code_count"] > 0
    assert len(set(data["unused_codes"])) == data["unused_code_count"]


def test_login_after_totp_enrolment_waits_for_the_second_factor(app: APIClient) -> None:
    enrol(app)

    client, body = log_in_pending_two_factor()

    assert pending_flows(body) == ["mfa_authenticate"]
    assert client.get(ME_URL).status_code == 403


def test_two_factor_authenticate_with_a_totp_code_logs_in(app: APIClient) -> None:
    secret = enrol(app)
    client, _ = log_in_pending_two_factor()

    response = client.post(AUTHENTICATE_URL, {"code": totp_code(secret)}, format="json")

    assert response.status_code == 200, response.json()
    body = response.json()
    assert body["meta"]["is_authenticated"] is True
    client.credentials(HTTP_X_SESSION_TOKEN=body["meta"]["session_token"])
    me = client.get(ME_URL)
    assert me.status_code == 200, me.json()
    assert me.json()["email"] == EMAIL


def test_two_factor_authenticate_with_a_wrong_code_answers_400(app: APIClient) -> None:
    secret = enrol(app)
    client, _ = log_in_pending_two_factor()

    response = client.post(AUTHENTICATE_URL, {"code": wrong_code(secret)}, format="json")

    assert response.status_code == 400, response.json()
    assert [error["param"] for error in response.json()["errors"]] == ["code"]
    assert client.get(ME_URL).status_code == 403


def test_two_factor_authenticate_refuses_a_code_already_used(app: APIClient) -> None:
    secret = enrol(app)
    code = totp_code(secret)
    first, _ = log_in_pending_two_factor()
    assert first.post(AUTHENTICATE_URL, {"code": code}, format="json").status_code == 200
    second, _ = log_in_pending_two_factor()

    response = second.post(AUTHENTICATE_URL, {"code": code}, format="json")

    assert response.status_code == 400, response.json()
    assert second.get(ME_URL).status_code == 403


def test_two_factor_authenticate_with_a_recovery_code_logs_in_once(app: APIClient) -> None:
    enrol(app)
    recovery_code = app.get(RECOVERY_CODES_URL).json()["data"]["unused_codes"][0]
    first, _ = log_in_pending_two_factor()

    response = first.post(AUTHENTICATE_URL, {"code": recovery_code}, format="json")

    assert response.status_code == 200, response.json()
    second, _ = log_in_pending_two_factor()
    assert second.post(AUTHENTICATE_URL, {"code": recovery_code}, format="json").status_code == 400
