"""Real worker processes for tests of the task queue, running on the test database.

The one place tests import process and worker helpers from: those of every project
(core.testing.processes), and those of this project's task queue (core.testing.task_queue).
"""

from collections.abc import Callable, Mapping
from contextlib import AbstractContextManager
from typing import Any

from {{ cookiecutter.project_slug }}.core.testing.processes import (
    ProjectProcess,
    process_launcher,
    running_process,
    wait_until,
    worker_database_url,
)
from {{ cookiecutter.project_slug }}.core.testing.task_queue import WORKER_COMMAND, tasks_queued

__all__ = [
    "ProjectProcess",
    "background_work_until",
    "process_launcher",
    "running_process",
    "running_worker",
    "tasks_queued",
    "wait_until",
    "worker_database_url",
]


def running_worker(
    *, settings: Mapping[str, Any] | None = None
) -> AbstractContextManager[ProjectProcess]:
    """Start a worker process as production would, on the test database."""
    return running_process(WORKER_COMMAND, settings=settings)


def background_work_until(
    condition: Callable[[], bool],
    *,
    what: str,
    sweep: Callable[[], object],
    settings: Mapping[str, Any] | None = None,
) -> None:
    """Run a worker, with `settings`, until `condition` holds: it does the tasks queued.

    `sweep` is for projects without a task queue: here a worker does the work, long before
    any sweep would fall due.
    """
    with running_worker(settings=settings):
        wait_until(condition, what=what)
