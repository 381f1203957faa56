"""How tests drive the database queue: its worker command, and tasks sent to the queue."""

from collections.abc import Iterator
from contextlib import contextmanager

from django.test import override_settings

WORKER_COMMAND = [
    "manage.py",
    "db_worker",
    "--queue-name=*",
    "--interval=0.05",
    "--no-reload",
    "--no-startup-delay",
]

# Modules the process launcher imports before it forks: those of the commands tests start;
# and the environment it and they run in.
LAUNCHER_PRELOADS = ["--preload=django_tasks_db.management.commands.db_worker"]
LAUNCHER_ENVIRONMENT = {"TASKS_BACKEND": "django_tasks_db.DatabaseBackend"}


@contextmanager
def tasks_queued() -> Iterator[None]:
    """Send tasks to the queue, for a worker process to run, instead of running them here."""
    with override_settings(
        TASKS={
            "default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default", "low"]}
        }
    ):
        yield
