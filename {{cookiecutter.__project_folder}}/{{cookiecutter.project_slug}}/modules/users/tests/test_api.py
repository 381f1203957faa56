import dataclasses
import uuid

import pytest

from {{ cookiecutter.project_slug }}.modules.users.api import UserContact, user_contact_get
from {{ cookiecutter.project_slug }}.modules.users.exceptions import UserNotFoundError
from {{ cookiecutter.project_slug }}.modules.users.tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_user_contact_get_returns_how_to_address_the_user() -> None:
    user = UserFactory.create(email="ada@example.com", name="Ada Lovelace")

    contact = user_contact_get(public_id=user.public_id)

    assert contact == UserContact(
        public_id=str(user.public_id), email="ada@example.com", name="Ada Lovelace"
    )


def test_user_contact_get_accepts_the_public_id_as_stored_by_other_modules() -> None:
    user = UserFactory.create()

    assert user_contact_get(public_id=str(user.public_id)).public_id == str(user.public_id)


def test_user_contact_is_frozen() -> None:
    contact = user_contact_get(public_id=UserFactory.create().public_id)

    with pytest.raises(dataclasses.FrozenInstanceError):
        contact.email = "someone@example.com"  # type: ignore[misc]


def test_user_contact_get_reports_an_unknown_user() -> None:
    UserFactory.create()

    with pytest.raises(UserNotFoundError):
        user_contact_get(public_id=uuid.uuid4())


def test_user_contact_get_reports_a_deactivated_user_as_not_found() -> None:
    user = UserFactory.create(is_active=False)

    with pytest.raises(UserNotFoundError):
        user_contact_get(public_id=str(user.public_id))


def test_user_contact_get_reports_a_malformed_public_id_as_not_found() -> None:
    with pytest.raises(UserNotFoundError):
        user_contact_get(public_id="not-a-public-id")
