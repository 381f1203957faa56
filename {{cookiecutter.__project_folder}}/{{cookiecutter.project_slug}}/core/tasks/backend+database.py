"""The database is the queue: Django's Tasks framework with the django-tasks-db backend.

The library runs tasks; this module adds what it lacks. Failed tasks declared with retries go
back to the queue with an increasing delay, and tasks that a killed worker left RUNNING are
returned to the queue by a periodic reaper.
"""

import functools
from datetime import timedelta
from functools import partial
from typing import Any

from django.conf import settings
from django.db import transaction
from django.dispatch import receiver
from django.tasks import TaskResult, TaskResultStatus
from django.tasks import task as django_task
from django.tasks.signals import task_finished
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from {{ cookiecutter.project_slug }}.core.tasks.registry import (
    TaskDefinition,
    find_by_function_path,
    task_declarer,
)


def _django_task(definition: TaskDefinition) -> Any:
    # The worker finds the task by the function's module path, which the wrapper keeps.
    @functools.wraps(definition.function)
    def run(**kwargs: Any) -> Any:
        return definition.run(**kwargs)

    return django_task(queue_name=definition.queue)(run)


# Tasks run in `db_worker` processes, never in the process that schedules them.
HAS_WORKERS = True

task = task_declarer(_django_task)


def enqueue_after_commit(definition: TaskDefinition, kwargs: dict[str, Any]) -> None:
    transaction.on_commit(partial(definition.runnable.enqueue, **kwargs))


@receiver(task_finished, dispatch_uid="core.tasks.retry_failed_task")
def retry_failed_task(sender: Any, task_result: TaskResult[Any, Any], **kwargs: Any) -> None:
    """Put a failed task back in the queue, later, while it has retries left."""
    if task_result.status != TaskResultStatus.FAILED:
        return
    definition = find_by_function_path(task_result.task.module_path)
    if definition is None or task_result.attempts > definition.retries:
        return
    delay = timedelta(seconds=definition.retry_delay(attempt=task_result.attempts))
    DBTaskResult.objects.filter(id=task_result.id, status=TaskResultStatus.FAILED).update(
        status=TaskResultStatus.READY, finished_at=None, run_after=timezone.now() + delay
    )


def stuck_tasks_requeue(*, running_longer_than: timedelta) -> int:
    """Return tasks left RUNNING by a dead worker to the queue; give up after too many tries.

    A task counts as stuck once it has run longer than any task should
    (settings.TASKS_RUNNING_TIMEOUT), so keep that above your slowest task.
    """
    stuck = DBTaskResult.objects.filter(
        status=TaskResultStatus.RUNNING,
        started_at__lt=timezone.now() - running_longer_than,
    )
    requeued = 0
    for task_result in stuck:
        if len(task_result.worker_ids) >= settings.TASKS_MAX_ATTEMPTS:
            task_result.set_failed(WorkerLostError(f"{len(task_result.worker_ids)} workers died"))
            continue
        requeued += DBTaskResult.objects.filter(
            id=task_result.id, status=TaskResultStatus.RUNNING
        ).update(status=TaskResultStatus.READY, started_at=None)
    return requeued


class WorkerLostError(Exception):
    """Every worker that ran the task died before it finished."""


@task(name="core.stuck_tasks_requeue", every=timedelta(minutes=1))
def _stuck_tasks_requeue_task() -> int:
    return stuck_tasks_requeue(
        running_longer_than=timedelta(seconds=settings.TASKS_RUNNING_TIMEOUT)
    )
