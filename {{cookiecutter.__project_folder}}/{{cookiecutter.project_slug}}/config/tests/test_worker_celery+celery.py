"""Celery with a real worker process and the real broker, on the test database."""

import os
import signal
from collections.abc import Iterator

import pytest
from django.db import transaction
from django_celery_results.models import TaskResult

from {{ cookiecutter.project_slug }}.core.tasks import enqueue_on_commit
from {{ cookiecutter.project_slug }}.core.testing.models import TaskProbe
from {{ cookiecutter.project_slug }}.core.testing.transactions import rolled_back
from {{ cookiecutter.project_slug }}.core.testing.workers import (
    running_worker,
    tasks_queued,
    wait_until,
)

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture(autouse=True)
def tasks_through_the_broker() -> Iterator[None]:
    """Send tasks to the broker instead of running them eagerly; start from empty queues."""
    with tasks_queued():
        yield


def probes(key: str) -> int:
    return TaskProbe.objects.filter(key=key).count()


def test_task_enqueued_in_a_rolled_back_transaction_never_runs() -> None:
    with rolled_back():
        enqueue_on_commit("core_testing.record", key="rolled-back")
    enqueue_on_commit("core_testing.record", key="committed")

    with running_worker():
        wait_until(lambda: probes("committed") == 1, what="the committed task")

    assert probes("rolled-back") == 0


def test_committed_task_runs_exactly_once() -> None:
    with transaction.atomic():
        for number in range(20):
            enqueue_on_commit("core_testing.record", key=f"once-{number}")

    with running_worker():
        wait_until(lambda: TaskProbe.objects.count() == 20, what="20 task runs")

    assert all(probes(f"once-{number}") == 1 for number in range(20))


def test_failing_retryable_task_is_retried_then_marked_failed() -> None:
    enqueue_on_commit("core_testing.fail", key="flaky")

    with running_worker():
        wait_until(
            lambda: TaskResult.objects.filter(status="FAILURE").exists(),
            what="the task to be marked failed",
        )

    assert probes("flaky") == 3  # the first run and both retries
    failure = TaskResult.objects.get(status="FAILURE")
    assert failure.task_name == "core_testing.fail"
    assert "ProbeFailure" in failure.result


def test_task_of_a_worker_process_killed_mid_task_is_delivered_again() -> None:
    enqueue_on_commit("core_testing.hang_on_first_run", key="killed")

    with running_worker():
        wait_until(lambda: probes("killed") == 1, what="the task to start")
        process_id = TaskProbe.objects.get(key="killed").process_id
        os.kill(process_id, signal.SIGKILL)
        wait_until(lambda: probes("killed") == 2, what="the task to be delivered again")
