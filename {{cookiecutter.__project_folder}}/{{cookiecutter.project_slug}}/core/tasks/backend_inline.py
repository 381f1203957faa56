"""No queue: a scheduled task runs in the same process, right after the transaction commits.

Simple and dependency-free, but the caller waits for the task, and a task that fails is
logged, not retried. Choose a queue when tasks call other systems or take time.
"""

from collections.abc import Callable
from datetime import timedelta
from functools import partial
from typing import Any

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
        register(
            TaskDefinition(
                name=name,
                function=function,
                runnable=function,
                retries=retries,
                retry_backoff=retry_backoff,
                queue=queue,
                every=every,
            )
        )
        return function

    return declare


def enqueue_after_commit(definition: TaskDefinition, kwargs: dict[str, Any]) -> None:
    # robust: the data is committed whatever the task does; its failure is logged.
    transaction.on_commit(partial(definition.function, **kwargs), robust=True)
