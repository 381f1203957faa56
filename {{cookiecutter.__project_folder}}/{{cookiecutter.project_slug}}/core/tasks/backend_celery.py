"""Celery runs the tasks, through the broker at settings.CELERY_BROKER_URL.

Tasks acknowledge late, so a task whose worker dies is delivered again; failed tasks with
retries left are retried after the registry's back-off (doubling, with jitter). The Celery
app and its beat schedule live in config/celery.py.
"""

from collections.abc import Callable
from datetime import timedelta
from functools import partial
from typing import Any

from celery import Task, shared_task
from django.db import transaction

from {{ cookiecutter.project_slug }}.core.tasks.registry import TaskDefinition, register


def task(
    *,
    name: str,
    retries: int = 0,
    retry_backoff: float = 2.0,
    queue: str = "default",
    every: timedelta | None = None,
) -> Callable[[Callable[..., Any]], Any]:
    """Declare a task function under a project-wide name (see core.tasks)."""

    def declare(function: Callable[..., Any]) -> Any:
        def run(self: Task, **kwargs: Any) -> Any:
            try:
                return function(**kwargs)
            except Exception as error:
                if self.request.retries >= retries:
                    raise
                delay = definition.retry_delay(attempt=self.request.retries + 1)
                raise self.retry(exc=error, countdown=delay) from error

        runnable = shared_task(name=name, bind=True, max_retries=retries)(run)
        definition = TaskDefinition(
            name=name,
            function=function,
            runnable=runnable,
            retries=retries,
            retry_backoff=retry_backoff,
            queue=queue,
            every=every,
        )
        register(definition)
        return runnable

    return declare


def enqueue_after_commit(definition: TaskDefinition, kwargs: dict[str, Any]) -> None:
    # robust: a broker that is down after the commit is logged, and does not turn a request
    # that already succeeded into an error. Periodic reconciliation catches what is missed.
    transaction.on_commit(
        partial(definition.runnable.apply_async, kwargs=kwargs, queue=definition.queue),
        robust=True,
    )
