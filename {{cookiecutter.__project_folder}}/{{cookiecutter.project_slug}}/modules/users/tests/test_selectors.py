import uuid

import pytest
from allauth.account.models import EmailAddress

from {{ cookiecutter.project_slug }}.modules.users.exceptions import UserNotFoundError
from {{ cookiecutter.project_slug }}.modules.users.selectors import (
    user_email_taken,
    user_get,
    user_list,
)
from {{ cookiecutter.project_slug }}.modules.users.tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_user_list_leaves_out_deactivated_accounts_and_sorts_by_email() -> None:
    UserFactory.create(email="grace@example.com")
    UserFactory.create(email="ada@example.com")
    UserFactory.create(email="closed@example.com", is_active=False)

    assert [user.email for user in user_list()] == ["ada@example.com", "grace@example.com"]


def test_user_get_finds_an_account_by_public_id() -> None:
    user = UserFactory.create()
    UserFactory.create()

    assert user_get(public_id=user.public_id) == user


def test_user_get_reports_an_unknown_public_id() -> None:
    UserFactory.create()
    unknown = uuid.uuid4()

    with pytest.raises(UserNotFoundError) as raised:
        user_get(public_id=unknown)

    assert raised.value.extra == {"public_id": str(unknown)}


def test_user_get_reports_a_deactivated_account_as_not_found() -> None:
    user = UserFactory.create(is_active=False)

    with pytest.raises(UserNotFoundError):
        user_get(public_id=user.public_id)


def test_user_email_taken_in_any_letter_case_even_by_a_deactivated_account() -> None:
    UserFactory.create(email="ada@example.com", is_active=False)

    assert user_email_taken(email="ada@example.com")
    assert user_email_taken(email="ADA@Example.com")
    assert not user_email_taken(email="grace@example.com")


def test_user_email_taken_excluding_the_account_that_has_it() -> None:
    user = UserFactory.create(email="ada@example.com")

    assert not user_email_taken(email="Ada@example.com", excluding=user)
    assert user_email_taken(email="Ada@example.com", excluding=UserFactory.create())


def test_user_email_taken_by_an_address_allauth_lists_for_an_account() -> None:
    user = UserFactory.create(email="ada@example.com")
    EmailAddress.objects.create(user=user, email="countess@example.com")

    assert user_email_taken(email="Countess@Example.com")
    assert not user_email_taken(email="countess@example.com", excluding=user)
