import uuid

import pytest
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.management import CommandError, call_command
from django.db import IntegrityError, transaction

from {{ cookiecutter.project_slug }}.modules.users.models import User
from {{ cookiecutter.project_slug }}.modules.users.tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_user_model_is_the_users_user() -> None:
    assert get_user_model() is User


def test_user_logs_in_by_email_without_a_username() -> None:
    assert User.USERNAME_FIELD == "email"
    assert User.EMAIL_FIELD == "email"
    assert User.REQUIRED_FIELDS == []
    assert not any(field.name == "username" for field in User._meta.get_fields())


def test_user_has_a_public_id_of_its_own() -> None:
    first, second = UserFactory.create_batch(2)

    assert isinstance(first.public_id, uuid.UUID)
    assert first.public_id != second.public_id
    assert User.objects.get(public_id=first.public_id) == first


def test_user_is_shown_as_its_email() -> None:
    assert str(UserFactory.build(email="ada@example.com")) == "ada@example.com"


def test_user_email_is_unique_in_any_letter_case_in_the_database() -> None:
    UserFactory.create(email="ada@example.com")

    # Straight to the database, past every check in Python: the constraint alone refuses it.
    with pytest.raises(IntegrityError), transaction.atomic():
        User.objects.bulk_create([User(email="ADA@example.com")])

    assert User.objects.count() == 1


def test_user_full_clean_reports_an_email_taken_in_other_letter_case() -> None:
    UserFactory.create(email="ada@example.com")

    with pytest.raises(ValidationError):
        User(email="Ada@Example.com").full_clean(exclude=["password"])


def test_user_manager_create_user_normalises_the_email_and_hashes_the_password() -> None:
    user = User.objects.create_user(" Ada@Example.COM ", "s3cret-enough")

    user.refresh_from_db()
    assert user.email == "ada@example.com"
    assert user.check_password("s3cret-enough")
    assert (user.is_staff, user.is_superuser, user.is_active) == (False, False, True)


def test_user_manager_create_user_without_a_password_cannot_log_in() -> None:
    user = User.objects.create_user("ada@example.com")

    assert not user.has_usable_password()


def test_user_createsuperuser_command_creates_a_superuser(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("DJANGO_SUPERUSER_PASSWORD", "s3cret-enough")

    call_command("createsuperuser", "--noinput", email="Root@Example.com", verbosity=0)

    user = User.objects.get()
    assert user.email == "root@example.com"
    assert (user.is_staff, user.is_superuser, user.is_active) == (True, True, True)
    assert user.check_password("s3cret-enough")


def test_user_createsuperuser_command_refuses_an_email_taken_in_other_letter_case(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    UserFactory.create(email="root@example.com")
    monkeypatch.setenv("DJANGO_SUPERUSER_PASSWORD", "s3cret-enough")

    with pytest.raises(CommandError):
        call_command("createsuperuser", "--noinput", email="ROOT@example.com", verbosity=0)

    assert not User.objects.get().is_superuser
