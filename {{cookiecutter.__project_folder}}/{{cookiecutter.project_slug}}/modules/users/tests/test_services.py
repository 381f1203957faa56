import pytest
from allauth.account.models import EmailAddress
from django.contrib.auth import authenticate
from django.test import RequestFactory
from rest_framework.test import APIClient

from {{ cookiecutter.project_slug }}.core.events import Event
from {{ cookiecutter.project_slug }}.core.testing.assertions import assert_error_response
from {{ cookiecutter.project_slug }}.modules.users.events import UserSignedUp
from {{ cookiecutter.project_slug }}.modules.users.exceptions import UserEmailTakenError
from {{ cookiecutter.project_slug }}.modules.users.models import User
from {{ cookiecutter.project_slug }}.modules.users.services import (
    user_create,
    user_deactivate,
    user_signed_up,
    user_update,
)
from {{ cookiecutter.project_slug }}.modules.users.tests.factories import UserFactory

pytestmark = pytest.mark.django_db

PASSWORD = "correct horse battery staple"  # UserFactory's


def test_user_create_normalises_the_email() -> None:
    user = user_create(email="  Ada@Example.COM ", password="s3cret-enough", name="Ada")

    user.refresh_from_db()
    assert (user.email, user.name, user.is_staff, user.is_active) == (
        "ada@example.com",
        "Ada",
        False,
        True,
    )
    assert user.check_password("s3cret-enough")


def test_user_create_without_a_password_makes_an_account_that_cannot_log_in() -> None:
    user = user_create(email="ada@example.com", is_staff=True)

    assert user.is_staff
    assert not user.has_usable_password()


@pytest.mark.parametrize("email", ["ada@example.com", "ADA@example.com", " Ada@Example.com"])
def test_user_create_refuses_an_email_taken_in_any_letter_case(email: str) -> None:
    UserFactory.create(email="ada@example.com")

    with pytest.raises(UserEmailTakenError) as raised:
        user_create(email=email)

    assert raised.value.extra == {"email": "ada@example.com"}
    assert User.objects.count() == 1


def test_user_create_refuses_the_email_of_a_deactivated_account() -> None:
    UserFactory.create(email="ada@example.com", is_active=False)

    with pytest.raises(UserEmailTakenError):
        user_create(email="ada@example.com")


def test_user_update_changes_only_the_fields_given() -> None:
    user = UserFactory.create(email="ada@example.com", name="Ada", is_staff=False)

    user_update(user=user, data={"name": "Ada Lovelace"})

    user.refresh_from_db()
    assert (user.email, user.name, user.is_staff) == ("ada@example.com", "Ada Lovelace", False)


def test_user_update_ignores_fields_it_does_not_update() -> None:
    user = UserFactory.create()

    user_update(user=user, data={"is_superuser": True, "is_active": False, "name": "Ada"})

    user.refresh_from_db()
    assert (user.name, user.is_superuser, user.is_active) == ("Ada", False, True)


def test_user_update_normalises_a_new_email() -> None:
    user = UserFactory.create(email="ada@example.com")

    user_update(user=user, data={"email": " Countess@Example.com"})

    user.refresh_from_db()
    assert user.email == "countess@example.com"


def test_user_update_keeps_the_own_email_in_other_letter_case() -> None:
    user = UserFactory.create(email="ada@example.com")

    user_update(user=user, data={"email": "ADA@example.com", "is_staff": True})

    user.refresh_from_db()
    assert (user.email, user.is_staff) == ("ada@example.com", True)


def test_user_update_refuses_an_email_taken_by_another_account_in_any_case() -> None:
    UserFactory.create(email="grace@example.com")
    user = UserFactory.create(email="ada@example.com", name="Ada")

    with pytest.raises(UserEmailTakenError):
        user_update(user=user, data={"email": "Grace@Example.com", "name": "Grace"})

    user.refresh_from_db()
    assert (user.email, user.name) == ("ada@example.com", "Ada")


def test_user_deactivate_keeps_the_account_but_refuses_its_password() -> None:
    user = UserFactory.create(email="ada@example.com")
    request = RequestFactory().post("/")
    assert authenticate(request, email="ada@example.com", password=PASSWORD) == user

    user_deactivate(user=user)

    user.refresh_from_db()
    assert not user.is_active
    assert authenticate(request, email="ada@example.com", password=PASSWORD) is None
    assert authenticate(request, username="ada@example.com", password=PASSWORD) is None


def test_user_deactivate_ends_the_session_token_an_app_had(api_client: APIClient) -> None:
    user = UserFactory.create(email="ada@example.com")
    EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
    login = api_client.post(
        "/_allauth/app/v1/auth/login",
        {"email": "ada@example.com", "password": PASSWORD},
        format="json",
    )
    assert login.status_code == 200, login.json()
    token = login.json()["meta"]["session_token"]
    assert api_client.get("/api/users/me/", HTTP_X_SESSION_TOKEN=token).status_code == 200

    user_deactivate(user=user)

    response = APIClient().get("/api/users/me/", HTTP_X_SESSION_TOKEN=token)
    assert_error_response(response, status=403, code="not_authenticated")


def test_user_signed_up_publishes_the_public_id(published_events: list[Event]) -> None:
    user = UserFactory.create()

    user_signed_up(user=user)

    (event,) = published_events
    assert isinstance(event, UserSignedUp)
    assert event.user_id == str(user.public_id)


def test_user_update_of_the_email_stops_the_old_address_logging_in(api_client: APIClient) -> None:
    user = UserFactory.create(email="ada@example.com")
    EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)

    user_update(user=user, data={"email": "countess@example.com"})

    login = api_client.post(
        "/_allauth/app/v1/auth/login",
        {"email": "ada@example.com", "password": PASSWORD},
        format="json",
    )
    assert login.status_code == 400, login.json()
    assert not EmailAddress.objects.filter(email="ada@example.com").exists()


def test_user_create_refuses_an_address_another_account_added_through_allauth() -> None:
    user = UserFactory.create(email="ada@example.com")
    EmailAddress.objects.create(user=user, email="countess@example.com", verified=True)

    with pytest.raises(UserEmailTakenError):
        user_create(email="Countess@example.com")
