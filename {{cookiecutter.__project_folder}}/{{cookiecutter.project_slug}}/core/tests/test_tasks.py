"""The task seam, whatever the backend: by name, after commit, JSON arguments only."""

import re
from datetime import timedelta

import pytest
from django.core.exceptions import ImproperlyConfigured
from pytest_django import DjangoCaptureOnCommitCallbacks, Settings

from {{ cookiecutter.project_slug }}.core.tasks import (
    enqueue_for_worker_on_commit,
    enqueue_on_commit,
    registry,
)
from {{ cookiecutter.project_slug }}.core.testing.models import TaskProbe
from {{ cookiecutter.project_slug }}.core.testing.transactions import rolled_back

pytestmark = pytest.mark.django_db


def test_enqueue_on_commit_runs_the_task_after_commit(
    django_capture_on_commit_callbacks: DjangoCaptureOnCommitCallbacks,
) -> None:
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        enqueue_on_commit("core_testing.record", key="after-commit")
        assert not TaskProbe.objects.exists()

    assert len(callbacks) == 1
    assert TaskProbe.objects.filter(key="after-commit").count() == 1


def test_enqueue_on_commit_never_runs_the_task_when_the_transaction_rolls_back(
    django_capture_on_commit_callbacks: DjangoCaptureOnCommitCallbacks,
) -> None:
    with django_capture_on_commit_callbacks(execute=True) as callbacks, rolled_back():
        enqueue_on_commit("core_testing.record", key="rolled-back")

    assert callbacks == []
    assert not TaskProbe.objects.exists()


def test_enqueue_on_commit_refuses_an_unknown_task_name() -> None:
    unknown = re.escape("No task is registered as 'nope.nothing'")

    with pytest.raises(ImproperlyConfigured, match=unknown):
        enqueue_on_commit("nope.nothing")


@pytest.mark.parametrize("kwargs", [{}, {"key": "x", "colour": "red"}])
def test_enqueue_on_commit_refuses_arguments_the_task_does_not_take(kwargs: dict[str, str]) -> None:
    with pytest.raises(TypeError, match=re.escape("core_testing.record: ")):
        enqueue_on_commit("core_testing.record", **kwargs)


@pytest.mark.parametrize("value", [object(), {1: "not a string key"}, [{"nested": {1, 2}}]])
def test_enqueue_on_commit_refuses_arguments_that_are_not_json_primitives(value: object) -> None:
    with pytest.raises(TypeError, match="only JSON primitives"):
        enqueue_on_commit("core_testing.record", key=value)


def test_enqueue_for_worker_on_commit_checks_the_task_and_its_arguments() -> None:
    # Whether or not a worker will run it (test_tasks_for_workers.py).
    with pytest.raises(ImproperlyConfigured, match="No task is registered"):
        enqueue_for_worker_on_commit("nope.nothing")
    with pytest.raises(TypeError, match=re.escape("core_testing.record: ")):
        enqueue_for_worker_on_commit("core_testing.record", colour="red")
    with pytest.raises(TypeError, match="only JSON primitives"):
        enqueue_for_worker_on_commit("core_testing.record", key=object())


def test_registry_refuses_one_name_for_two_functions() -> None:
    existing = registry.get("core_testing.record")

    with pytest.raises(ImproperlyConfigured, match="is used by"):
        registry.register(
            registry.TaskDefinition(name=existing.name, function=print, runnable=None)
        )

    assert registry.get("core_testing.record") is existing


def test_retry_delay_doubles_with_jitter(settings: Settings) -> None:
    settings.TASKS_RETRY_BACKOFF_SCALE = 1.0  # as deployed; the test settings shorten it
    definition = registry.TaskDefinition(
        name="x", function=print, runnable=None, retries=3, retry_backoff=1.0
    )

    delays = [definition.retry_delay(attempt=attempt) for attempt in (1, 2, 3)]

    assert 1.0 <= delays[0] <= 1.5
    assert 2.0 <= delays[1] <= 3.0
    assert 4.0 <= delays[2] <= 6.0


def test_retry_delay_is_scaled_by_the_setting(settings: Settings) -> None:
    settings.TASKS_RETRY_BACKOFF_SCALE = 0.1
    definition = registry.TaskDefinition(
        name="x", function=print, runnable=None, retries=3, retry_backoff=10.0
    )

    delays = [definition.retry_delay(attempt=attempt) for attempt in (1, 2)]

    assert 1.0 <= delays[0] <= 1.5
    assert 2.0 <= delays[1] <= 3.0


def test_periodic_tasks_declare_their_interval() -> None:
    periodic = {definition.name: definition.every for definition in registry.periodic()}

    assert periodic["core_testing.tick"] == timedelta(minutes=1)
