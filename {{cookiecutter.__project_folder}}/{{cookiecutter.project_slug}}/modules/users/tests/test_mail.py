import json
import re
from pathlib import Path
from typing import Any

import pytest
from allauth.account.adapter import get_adapter
from allauth.core.context import request_context
from django.core import mail
from django.core.mail import EmailMultiAlternatives
from django.test import RequestFactory
from pytest_django import DjangoCaptureOnCommitCallbacks
from pytest_django.fixtures import Settings
from rest_framework.test import APIClient

from {{ cookiecutter.project_slug }}.core.tasks import registry
from {{ cookiecutter.project_slug }}.core.tasks.backend import enqueue_after_commit
from {{ cookiecutter.project_slug }}.core.testing.transactions import rolled_back
from {{ cookiecutter.project_slug }}.modules.users.models import User
from {{ cookiecutter.project_slug }}.modules.users.services import account_email_send

pytestmark = pytest.mark.django_db

SIGNUP = "/_allauth/app/v1/auth/signup"
ADA = {"email": "ada@example.com", "password": "a long enough passphrase"}

type Scheduled = list[tuple[str, dict[str, Any]]]


@pytest.fixture
def scheduled(monkeypatch: pytest.MonkeyPatch) -> Scheduled:
    """Every task enqueued on commit while the test runs, by name, with its arguments."""
    calls: Scheduled = []

    def record(definition: registry.TaskDefinition, kwargs: dict[str, Any]) -> None:
        calls.append((definition.name, dict(kwargs)))
        enqueue_after_commit(definition, kwargs)

    # Where core.tasks.enqueue_on_commit looks it up, on every task queue.
    monkeypatch.setattr("{{ cookiecutter.project_slug }}.core.tasks.enqueue_after_commit", record)
    return calls


def test_account_adapter_schedules_the_mail_and_sends_it_only_after_commit(
    api_client: APIClient,
    scheduled: Scheduled,
    django_capture_on_commit_callbacks: DjangoCaptureOnCommitCallbacks,
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        response = api_client.post(SIGNUP, ADA, format="json")
        assert response.status_code == 401, response.json()
        assert mail.outbox == []

    mails = [(name, arguments) for name, arguments in scheduled if name.startswith("users.")]
    assert [name for name, _ in mails] == ["users.account_email_send"]
    arguments = mails[0][1]
    # What crosses to the worker: JSON primitives only, unchanged by a round trip.
    assert json.loads(json.dumps(arguments)) == arguments
    assert arguments["to"] == ["ada@example.com"]
    assert arguments["html_body"] == ""
    (sent,) = mail.outbox
    assert sent.to == ["ada@example.com"]
    assert (sent.subject, sent.body, sent.from_email) == (
        arguments["subject"],
        arguments["body"],
        arguments["from_email"],
    )
    assert "verification code" in sent.body
    assert User.objects.filter(email="ada@example.com").exists()


def test_account_adapter_sends_nothing_for_a_rolled_back_sign_up(
    api_client: APIClient,
    django_capture_on_commit_callbacks: DjangoCaptureOnCommitCallbacks,
) -> None:
    with django_capture_on_commit_callbacks(execute=True), rolled_back():
        response = api_client.post(SIGNUP, ADA, format="json")
        assert response.status_code == 401, response.json()

    assert mail.outbox == []
    assert not User.objects.exists()


def test_account_adapter_keeps_the_html_part_allauth_renders(
    api_client: APIClient,
    settings: Settings,
    tmp_path: Path,
    django_capture_on_commit_callbacks: DjangoCaptureOnCommitCallbacks,
) -> None:
    # A project that adds an HTML version of allauth's mail, beside allauth's text one.
    html = tmp_path / "account" / "email" / "email_confirmation_signup_message.html"
    html.parent.mkdir(parents=True)
    # Django's variable tag for the code, spelled in halves: this file is a template itself.
    code_variable = "{" * 2 + " code " + "}" * 2
    html.write_text(f"<p>Your code: <b>{code_variable}</b></p>", encoding="utf-8")
    settings.TEMPLATES = [{**settings.TEMPLATES[0], "DIRS": [tmp_path]}]

    with django_capture_on_commit_callbacks(execute=True):
        api_client.post(SIGNUP, ADA, format="json")

    (sent,) = mail.outbox
    assert isinstance(sent, EmailMultiAlternatives)
    code = re.search(r"^[A-Z0-9]{4}-[A-Z0-9]{4}$", str(sent.body), re.MULTILINE)
    assert code is not None, sent.body
    assert [tuple(part) for part in sent.alternatives] == [
        (f"<p>Your code: <b>{code[0]}</b></p>", "text/html")
    ]


def test_account_email_send_attaches_the_html_body_when_there_is_one() -> None:
    account_email_send(
        subject="Hello",
        body="Plain",
        html_body="<p>Rich</p>",
        from_email="noreply@example.com",
        to=["ada@example.com"],
    )
    account_email_send(
        subject="Hello",
        body="Plain only",
        html_body="",
        from_email="noreply@example.com",
        to=["ada@example.com"],
    )

    with_html, plain = mail.outbox
    assert isinstance(with_html, EmailMultiAlternatives)
    assert isinstance(plain, EmailMultiAlternatives)
    assert (with_html.body, [tuple(part) for part in with_html.alternatives]) == (
        "Plain",
        [("<p>Rich</p>", "text/html")],
    )
    assert (plain.body, plain.alternatives) == ("Plain only", [])


def test_account_email_send_task_is_retried_when_the_mail_server_fails() -> None:
    definition = registry.get("users.account_email_send")

    assert definition.retries > 0


#      from allauth.core.context import request_context; from django.test import RequestFactory)
def test_account_adapter_sends_an_html_only_mail_as_html(
    settings: Settings,
    tmp_path: Path,
    django_capture_on_commit_callbacks: DjangoCaptureOnCommitCallbacks,
) -> None:
    # A project whose mail template exists in HTML only: allauth renders it as the body.
    templates = tmp_path / "notice"
    templates.mkdir()
    (templates / "greeting_subject.txt").write_text("Hello", encoding="utf-8")
    (templates / "greeting_message.html").write_text("<p>Hi <b>Ada</b></p>", encoding="utf-8")
    settings.TEMPLATES = [{**settings.TEMPLATES[0], "DIRS": [tmp_path]}]

    with (
        django_capture_on_commit_callbacks(execute=True),
        request_context(RequestFactory().get("/")),
    ):
        get_adapter().send_mail("notice/greeting", "ada@example.com", {})

    (sent,) = mail.outbox
    assert isinstance(sent, EmailMultiAlternatives)
    assert sent.body == "Hi Ada"
    assert [tuple(part) for part in sent.alternatives] == [("<p>Hi <b>Ada</b></p>", "text/html")]
