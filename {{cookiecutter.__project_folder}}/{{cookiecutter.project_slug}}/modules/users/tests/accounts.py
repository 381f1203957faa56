"""Helpers for tests that go through allauth's HTTP API (/_allauth/), as a client would.

allauth's mail leaves through the task queue after commit: a request that sends mail runs
inside pytest-django's `django_capture_on_commit_callbacks(execute=True)`.
"""

import re

from django.core import mail
from pytest_django import DjangoCaptureOnCommitCallbacks
from rest_framework.test import APIClient

APP = "/_allauth/app/v1"
BROWSER = "/_allauth/browser/v1"
ME_URL = "/api/users/me/"
# Long and uncommon: Django's password validators accept it.
PASSWORD = "plum tractor lantern 42"

# allauth's verification codes, such as QKKX-BHGS, stand on a line of their own in the mail.
VERIFICATION_CODE = re.compile(r"^([A-Z0-9]{4}-[A-Z0-9]{4})$", re.MULTILINE)


def pending_flows(body: dict[str, object]) -> list[str]:
    """The ids of the flows allauth is waiting on (`verify_email`, `mfa_authenticate`)."""
    data = body.get("data")
    assert isinstance(data, dict), body
    return [flow["id"] for flow in data.get("flows", []) if flow.get("is_pending")]


def mails_to(address: str) -> list[mail.EmailMessage]:
    return [message for message in mail.outbox if address in message.to]


def mailed_verification_code(address: str) -> str:
    """The code of the last verification mail sent to `address`."""
    messages = mails_to(address)
    assert messages, f"no mail to {address}"
    match = VERIFICATION_CODE.search(str(messages[-1].body))
    assert match, messages[-1].body
    return match.group(1)


def app_sign_up(
    client: APIClient,
    commit: DjangoCaptureOnCommitCallbacks,
    *,
    email: str,
) -> str:
    """Sign up through the app client and verify with the mailed code; the session token.

    Logging in gives the session a new token: the one the verification answers with.
    """
    with commit(execute=True):
        response = client.post(
            f"{APP}/auth/signup", {"email": email, "password": PASSWORD}, format="json"
        )
    assert response.status_code == 401, response.json()
    token: str = response.json()["meta"]["session_token"]
    response = client.post(
        f"{APP}/auth/email/verify",
        {"key": mailed_verification_code(email)},
        format="json",
        headers={"X-Session-Token": token},
    )
    assert response.status_code == 200, response.json()
    return str(response.json()["meta"]["session_token"])
