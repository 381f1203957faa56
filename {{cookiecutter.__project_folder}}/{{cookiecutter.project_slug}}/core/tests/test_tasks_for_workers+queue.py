"""Work no request may wait for, with a task queue: a worker does it, the sweep only later."""

from datetime import timedelta

import pytest
from pytest_django import DjangoCaptureOnCommitCallbacks

from {{ cookiecutter.project_slug }}.core.tasks import enqueue_for_worker_on_commit, sweep_after
from {{ cookiecutter.project_slug }}.core.testing.models import TaskProbe

pytestmark = pytest.mark.django_db


def test_enqueue_for_worker_on_commit_enqueues_the_task_after_commit(
    django_capture_on_commit_callbacks: DjangoCaptureOnCommitCallbacks,
) -> None:
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        enqueue_for_worker_on_commit("core_testing.record", key="for-a-worker")
        assert not TaskProbe.objects.exists()

    assert len(callbacks) == 1
    # The test settings run queued tasks at once, in this process.
    assert TaskProbe.objects.filter(key="for-a-worker").count() == 1


def test_sweep_after_leaves_the_work_to_the_worker_first() -> None:
    assert sweep_after(timedelta(minutes=10)) == timedelta(minutes=10)
