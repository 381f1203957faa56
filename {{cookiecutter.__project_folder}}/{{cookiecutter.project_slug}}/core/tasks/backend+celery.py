"""Celery runs the tasks, through the broker at settings.CELERY_BROKER_URL.

Tasks acknowledge late, so a task whose worker dies is delivered again; failed tasks with
retries left are retried after the registry's back-off (doubling, with jitter). The Celery
app and its beat schedule live in config/celery.py.
"""

from functools import partial
from typing import Any

from celery import Task, shared_task
from django.db import transaction

from {{ cookiecutter.project_slug }}.core.tasks.registry import TaskDefinition, task_declarer


def _celery_task(definition: TaskDefinition) -> Any:
    def run(self: Task[Any, Any], /, **kwargs: Any) -> Any:
        try:
            return definition.run(**kwargs)
        except Exception as error:
            if self.request.retries >= definition.retries:
                raise
            delay = definition.retry_delay(attempt=self.request.retries + 1)
            raise self.retry(exc=error, countdown=delay) from error

    return shared_task(name=definition.name, bind=True, max_retries=definition.retries)(run)


# Tasks run in Celery worker processes, never in the process that schedules them.
HAS_WORKERS = True

task = task_declarer(_celery_task)


def enqueue_after_commit(definition: TaskDefinition, kwargs: dict[str, Any]) -> None:
    # robust: a broker that is down after the commit is logged, and does not turn a request
    # that already succeeded into an error. Periodic reconciliation catches what is missed.
    transaction.on_commit(
        partial(definition.runnable.apply_async, kwargs=kwargs, queue=definition.queue),
        robust=True,
    )
