import pytest
from django.core.exceptions import ValidationError
from pytest_django import DjangoAssertNumQueries

from {{ cookiecutter.project_slug }}.core.services import model_update
from {{ cookiecutter.project_slug }}.core.testing.models import TaskProbe

pytestmark = pytest.mark.django_db


def test_model_update_saves_only_changed_listed_fields() -> None:
    probe = TaskProbe.objects.create(key="before", process_id=1)

    probe, changed = model_update(
        instance=probe,
        fields=["key", "process_id"],
        data={"key": "after", "process_id": 1, "created_at": None},
    )

    assert changed is True
    probe.refresh_from_db()
    assert (probe.key, probe.process_id) == ("after", 1)
    assert probe.created_at is not None


def test_model_update_reports_no_change_without_writing(
    django_assert_num_queries: DjangoAssertNumQueries,
) -> None:
    probe = TaskProbe.objects.create(key="same", process_id=1)

    with django_assert_num_queries(0):
        _, changed = model_update(instance=probe, fields=["key"], data={"key": "same"})

    assert changed is False


def test_model_update_validates_before_saving() -> None:
    probe = TaskProbe.objects.create(key="short", process_id=1)

    with pytest.raises(ValidationError):
        model_update(instance=probe, fields=["key"], data={"key": "x" * 101})

    assert TaskProbe.objects.get(pk=probe.pk).key == "short"
