"""Process helpers for tests, and background work in a project without a task queue.

The one place tests import process and worker helpers from: those of every project
(core.testing.processes); with no queue there is no worker to start.
"""

from collections.abc import Callable, Mapping
from typing import Any

from {{ cookiecutter.project_slug }}.core.testing.processes import (
    ProjectProcess,
    process_launcher,
    running_process,
    wait_until,
    worker_database_url,
)
from {{ cookiecutter.project_slug }}.core.testing.task_queue import tasks_queued

__all__ = [
    "ProjectProcess",
    "background_work_until",
    "process_launcher",
    "running_process",
    "tasks_queued",
    "wait_until",
    "worker_database_url",
]


def background_work_until(
    condition: Callable[[], bool],
    *,
    what: str,
    sweep: Callable[[], object],
    settings: Mapping[str, Any] | None = None,
) -> None:
    """Run `sweep`, again and again, until `condition` holds.

    Without a task queue, work no request may wait for is done by periodic sweeps
    (core.tasks.enqueue_for_worker_on_commit): `sweep` is one of them, as if its time had
    come. It runs in this process, whose `settings` they are already.
    """

    def swept() -> bool:
        sweep()
        return condition()

    wait_until(swept, what=what)
