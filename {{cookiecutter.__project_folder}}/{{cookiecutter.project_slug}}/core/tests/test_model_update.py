import pytest
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from pytest_django import DjangoAssertNumQueries

from {{ cookiecutter.project_slug }}.core.services import model_update
from {{ cookiecutter.project_slug }}.core.testing.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_model_update_saves_only_changed_listed_fields() -> None:
    user = UserFactory.create(first_name="Ada", last_name="Lovelace")

    user, changed = model_update(
        instance=user,
        fields=["first_name", "last_name"],
        data={"first_name": "Grace", "last_name": "Lovelace", "email": "ignored@example.com"},
    )

    assert changed is True
    user.refresh_from_db()
    assert (user.first_name, user.last_name) == ("Grace", "Lovelace")
    assert user.email != "ignored@example.com"


def test_model_update_reports_no_change_without_writing(
    django_assert_num_queries: DjangoAssertNumQueries,
) -> None:
    user = UserFactory.create(first_name="Ada")

    with django_assert_num_queries(0):
        _, changed = model_update(instance=user, fields=["first_name"], data={"first_name": "Ada"})

    assert changed is False


def test_model_update_validates_before_saving() -> None:
    user = UserFactory.create(username="ada")

    with pytest.raises(ValidationError):
        model_update(instance=user, fields=["username"], data={"username": ""})

    assert get_user_model().objects.get(pk=user.pk).username == "ada"
