"""The database queue with real `db_worker` processes, on the test database."""

import signal
from datetime import timedelta

import pytest
from django.db import transaction
from django.tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult
from pytest_django import Settings

from {{ cookiecutter.project_slug }}.core.tasks import enqueue_on_commit, registry
from {{ cookiecutter.project_slug }}.core.tasks.backend import stuck_tasks_requeue
from {{ cookiecutter.project_slug }}.core.testing.models import TaskProbe
from {{ cookiecutter.project_slug }}.core.testing.transactions import rolled_back
from {{ cookiecutter.project_slug }}.core.testing.workers import (
    running_worker,
    wait_until,
)

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture(autouse=True)
def database_task_backend(settings: Settings) -> None:
    settings.TASKS = {
        "default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default", "low"]}
    }


def probes(key: str) -> int:
    return TaskProbe.objects.filter(key=key).count()


def test_task_enqueued_in_a_rolled_back_transaction_never_runs() -> None:
    with rolled_back():
        enqueue_on_commit("core_testing.record", key="rolled-back")
    enqueue_on_commit("core_testing.record", key="committed")

    with running_worker():
        wait_until(lambda: probes("committed") == 1, what="the committed task")

    assert probes("rolled-back") == 0
    assert DBTaskResult.objects.count() == 1


def test_committed_task_runs_exactly_once_with_two_workers() -> None:
    with transaction.atomic():
        for number in range(20):
            enqueue_on_commit("core_testing.record", key=f"once-{number}")

    with running_worker(), running_worker():
        wait_until(
            lambda: DBTaskResult.objects.filter(status=TaskResultStatus.SUCCESSFUL).count() == 20,
            what="20 successful tasks",
        )

    assert all(probes(f"once-{number}") == 1 for number in range(20))


def test_failing_retryable_task_is_retried_then_marked_failed() -> None:
    enqueue_on_commit("core_testing.fail", key="flaky")

    with running_worker():
        wait_until(
            lambda: (
                DBTaskResult.objects.filter(status=TaskResultStatus.FAILED).exists()
                and probes("flaky") == 3
            ),
            what="three attempts and a failure",
        )

    result = DBTaskResult.objects.get()
    assert result.task_result.attempts == 3  # the first run and both retries
    assert result.exception_class_path.endswith("ProbeFailure")


def test_task_of_a_worker_killed_mid_task_is_requeued_and_completed() -> None:
    enqueue_on_commit("core_testing.hang_on_first_run", key="killed")

    with running_worker() as worker:
        wait_until(lambda: probes("killed") == 1, what="the task to start")
        worker.send_signal(signal.SIGKILL)
        worker.wait(timeout=10)

    assert DBTaskResult.objects.get().status == TaskResultStatus.RUNNING
    assert stuck_tasks_requeue(running_longer_than=timedelta(0)) == 1

    with running_worker():
        wait_until(
            lambda: DBTaskResult.objects.get().status == TaskResultStatus.SUCCESSFUL,
            what="the requeued task to complete",
        )

    assert probes("killed") == 2
    assert DBTaskResult.objects.get().task_result.attempts == 2


def test_reaper_runs_every_minute() -> None:
    periodic = {definition.name: definition.every for definition in registry.periodic()}

    assert periodic["core.stuck_tasks_requeue"] == timedelta(minutes=1)


def test_reaper_leaves_running_tasks_younger_than_the_timeout_alone() -> None:
    enqueue_on_commit("core_testing.hang_on_first_run", key="slow")

    with running_worker() as worker:
        wait_until(lambda: probes("slow") == 1, what="the task to start")
        requeued = stuck_tasks_requeue(running_longer_than=timedelta(minutes=5))
        worker.kill()  # a graceful stop would wait for the hanging task

    assert requeued == 0


def test_reaper_fails_a_task_that_killed_too_many_workers(settings: Settings) -> None:
    settings.TASKS_MAX_ATTEMPTS = 2
    enqueue_on_commit("core_testing.record", key="poison")
    DBTaskResult.objects.update(status=TaskResultStatus.RUNNING, worker_ids=["dead-1", "dead-2"])
    DBTaskResult.objects.update(started_at=DBTaskResult.objects.get().enqueued_at)

    assert stuck_tasks_requeue(running_longer_than=timedelta(0)) == 0

    result = DBTaskResult.objects.get()
    assert result.status == TaskResultStatus.FAILED
    assert result.exception_class_path.endswith("WorkerLostError")
