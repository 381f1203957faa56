"""Work no request may wait for, without a task queue: nothing runs it but its sweep."""

from datetime import timedelta

import pytest
from pytest_django import DjangoCaptureOnCommitCallbacks

from {{ cookiecutter.project_slug }}.core.tasks import enqueue_for_worker_on_commit, sweep_after
from {{ cookiecutter.project_slug }}.core.testing.models import TaskProbe

pytestmark = pytest.mark.django_db


def test_enqueue_for_worker_on_commit_schedules_nothing(
    django_capture_on_commit_callbacks: DjangoCaptureOnCommitCallbacks,
) -> None:
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        enqueue_for_worker_on_commit("core_testing.record", key="for-a-worker")

    assert callbacks == []
    assert not TaskProbe.objects.exists()


def test_sweep_after_makes_the_work_due_at_once() -> None:
    assert sweep_after(timedelta(minutes=10)) == timedelta(0)
