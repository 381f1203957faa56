"""No queue: a scheduled task runs in the same process, right after the transaction commits.

Simple and dependency-free, but the caller waits for the task, and a task that fails is
logged, not retried. Choose a queue when tasks call other systems or take time.
"""

from functools import partial
from typing import Any

from django.db import transaction

from {{ cookiecutter.project_slug }}.core.tasks.registry import TaskDefinition, task_declarer

# Tasks run in the process that schedules them: see core.tasks.enqueue_for_worker_on_commit.
HAS_WORKERS = False

task = task_declarer(lambda definition: definition.function)  # called directly, as a function


def enqueue_after_commit(definition: TaskDefinition, kwargs: dict[str, Any]) -> None:
    # robust: the data is committed whatever the task does; its failure is logged.
    transaction.on_commit(partial(definition.run, **kwargs), robust=True)
