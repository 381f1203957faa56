"""`manage.py users_adopt_auth_users`: what it refuses. The update-path test of the template
runs the adoption itself, on a project baked from v0.2.0 with accounts in auth_user."""

import pytest
from django.core.management import CommandError, call_command

from {{ cookiecutter.project_slug }}.modules.users.management.commands import users_adopt_auth_users
from {{ cookiecutter.project_slug }}.modules.users.models import User
from {{ cookiecutter.project_slug }}.modules.users.tests.factories import UserFactory


@pytest.mark.django_db
def test_users_adopt_auth_users_refuses_a_database_that_has_users_user() -> None:
    user = UserFactory.create()

    with pytest.raises(CommandError, match="adopted already"):
        call_command("users_adopt_auth_users")

    assert list(User.objects.all()) == [user]


def test_refuse_conflicting_accounts_lists_shared_and_missing_addresses() -> None:
    accounts = [
        users_adopt_auth_users.Account(id=1, email="ada@example.com", name="Ada Lovelace"),
        users_adopt_auth_users.Account(id=2, email="grace@example.com", name=""),
        users_adopt_auth_users.Account(id=3, email="ada@example.com", name=""),
        users_adopt_auth_users.Account(id=4, email="", name=""),
    ]

    with pytest.raises(CommandError) as refusal:
        users_adopt_auth_users.refuse_conflicting_accounts(accounts)

    assert str(refusal.value).splitlines()[1:] == [
        "  ids 1, 3 share the address ada@example.com",
        "  id 4 has no e-mail address",
    ]


def test_refuse_conflicting_accounts_lets_distinct_addresses_through() -> None:
    accounts = [
        users_adopt_auth_users.Account(id=1, email="ada@example.com", name="Ada Lovelace"),
        users_adopt_auth_users.Account(id=2, email="grace@example.com", name="Grace Hopper"),
    ]

    users_adopt_auth_users.refuse_conflicting_accounts(accounts)
