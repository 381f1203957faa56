"""How tests drive Celery: its worker command, and tasks sent to the broker."""

from collections.abc import Iterator
from contextlib import contextmanager

from celery import current_app

from {{ cookiecutter.project_slug }}.core.testing.broker_queues import broker_queues_held
from {{ cookiecutter.project_slug }}.core.testing.celery_pool import PromptlyMaintainedTaskPool

WORKER_COMMAND = [
    "-m",
    "celery",
    "--app={{ cookiecutter.project_slug }}.config.celery",
    "worker",
    # Celery's prefork pool, finding a killed pool process at once (LAUNCHER_ENVIRONMENT).
    "--pool=custom",
    # One pool process: tests of the circuit breaker count the provider's failures in order,
    # and its counters in the cache are not atomic between processes.
    "--concurrency=1",
    "--queues=default,low",
    "--without-gossip",
    "--without-mingle",
    "--without-heartbeat",
    "--loglevel=INFO",
]

# Modules the process launcher imports before it forks: those of the commands tests start;
# and the environment it and they run in.
LAUNCHER_PRELOADS = [
    "--preload=celery.bin.celery",
    "--preload=celery.apps.worker",
    f"--preload={PromptlyMaintainedTaskPool.__module__}",
]
LAUNCHER_ENVIRONMENT = {
    "CELERY_TASK_ALWAYS_EAGER": "false",
    # What `--pool=custom` means to Celery (celery.concurrency reads it on import).
    "CELERY_CUSTOM_WORKER_POOL": (
        f"{PromptlyMaintainedTaskPool.__module__}:{PromptlyMaintainedTaskPool.__qualname__}"
    ),
}


@contextmanager
def tasks_queued() -> Iterator[None]:
    """Send tasks to the queue, for a worker process to run, instead of running them here."""
    app = current_app
    with broker_queues_held():
        app.conf.task_always_eager = False
        app.control.purge()
        try:
            yield
        finally:
            app.conf.task_always_eager = True
