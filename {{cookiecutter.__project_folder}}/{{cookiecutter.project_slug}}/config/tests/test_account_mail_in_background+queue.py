"""No e-mail is sent inside a request: a sign-up answers first, and a worker mails the code.

The request runs while sending mail is impossible (no mail server, no worker); then a real
worker process, on the test database, sends the verification mail. A worker has memory of
its own, so it writes its mail to files this test reads.
"""

from collections.abc import Iterator
from pathlib import Path

import pytest
from django.core.cache import cache
from pytest_django import Settings
from rest_framework.test import APIClient

from {{ cookiecutter.project_slug }}.core.testing.workers import (
    running_worker,
    tasks_queued,
    wait_until,
)
from {{ cookiecutter.project_slug }}.modules.users.models import User
from {{ cookiecutter.project_slug }}.modules.users.tests.accounts import (
    APP,
    PASSWORD,
    VERIFICATION_CODE,
)

pytestmark = pytest.mark.django_db(transaction=True)

EMAIL = "hedy@example.com"


@pytest.fixture(autouse=True)
def no_mail_server(settings: Settings) -> None:
    """Mail sent from this process would fail: nothing listens on port 9 (discard)."""
    settings.MAILERS = {
        "default": {
            "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "OPTIONS": {"host": "127.0.0.1", "port": 9, "timeout": 1},
        }
    }


@pytest.fixture(autouse=True)
def rate_limits_forgotten() -> Iterator[None]:
    """Clear allauth's rate-limit counts, kept in the cache table, for the tests after this one.

    A transactional test's flush empties only the tables of models.
    """
    yield
    cache.clear()


def mailed_code(folder: Path) -> str | None:
    """The verification code in the mail the worker wrote to `folder`, once it is written."""
    for mailed in folder.iterdir():
        match = VERIFICATION_CODE.search(mailed.read_text())
        if match:
            return match.group(1)
    return None


def test_sign_up_answers_before_a_worker_sends_the_verification_mail(tmp_path: Path) -> None:
    app = APIClient()

    with tasks_queued():
        response = app.post(
            f"{APP}/auth/signup", {"email": EMAIL, "password": PASSWORD}, format="json"
        )

        assert response.status_code == 401, response.json()
        assert User.objects.filter(email=EMAIL).exists()
        with running_worker(
            settings={
                "MAILERS": {
                    "default": {
                        "BACKEND": "django.core.mail.backends.filebased.EmailBackend",
                        "OPTIONS": {"file_path": str(tmp_path)},
                    }
                }
            }
        ):
            wait_until(lambda: mailed_code(tmp_path) is not None, what="the verification mail")

    code = mailed_code(tmp_path)
    assert code is not None
    response = app.post(
        f"{APP}/auth/email/verify",
        {"key": code},
        format="json",
        headers={"X-Session-Token": response.json()["meta"]["session_token"]},
    )
    assert response.status_code == 200, response.json()
