import pytest
from pytest_django import DjangoCaptureOnCommitCallbacks
from rest_framework.test import APIClient

from {{ cookiecutter.project_slug }}.core.events import Event
from {{ cookiecutter.project_slug }}.modules.users.events import UserSignedUp
from {{ cookiecutter.project_slug }}.modules.users.models import User
from {{ cookiecutter.project_slug }}.modules.users.services import user_create

pytestmark = pytest.mark.django_db


def test_on_user_signed_up_publishes_one_event_for_a_sign_up(
    api_client: APIClient,
    published_events: list[Event],
    django_capture_on_commit_callbacks: DjangoCaptureOnCommitCallbacks,
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        response = api_client.post(
            "/_allauth/app/v1/auth/signup",
            {"email": "Ada@Example.com", "password": "a long enough passphrase"},
            format="json",
        )

    assert response.status_code == 401, response.json()
    user = User.objects.get(email="ada@example.com")
    (event,) = published_events
    assert isinstance(event, UserSignedUp)
    assert event.user_id == str(user.public_id)


def test_on_user_signed_up_publishes_nothing_for_an_account_made_by_staff(
    published_events: list[Event],
    django_capture_on_commit_callbacks: DjangoCaptureOnCommitCallbacks,
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        user_create(email="ada@example.com", password="a long enough passphrase")

    assert published_events == []
