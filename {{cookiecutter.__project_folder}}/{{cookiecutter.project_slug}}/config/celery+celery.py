"""The Celery app: `celery -A {{ cookiecutter.project_slug }}.config.celery worker` (and `beat`).

Settings prefixed CELERY_ in Django's settings configure it. Tasks are declared through
core.tasks, which also holds the periodic schedule that beat runs.
"""

import os
from typing import Any

from celery import Celery, Task
from celery.signals import task_postrun, task_prerun
from django.db import close_old_connections

from {{ cookiecutter.project_slug }}.core.tasks import registry

os.environ.setdefault(
    "DJANGO_SETTINGS_MODULE",
    "{{ cookiecutter.project_slug }}.config.settings.local",
)

app = Celery("{{ cookiecutter.project_slug }}")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()


@task_prerun.connect
@task_postrun.connect
def close_expired_connections(task: Task[Any, Any], **kwargs: Any) -> None:
    """Treat each task like a request: reuse connections for CONN_MAX_AGE, health-checked.

    Celery's own Django support otherwise reconnects to the database for every task
    (unless CELERY_DB_REUSE_MAX is set, which also skips the health checks). A task run
    eagerly runs inside its caller's transaction, whose connection is not ours to close.
    """
    if not task.request.is_eager:
        close_old_connections()


@app.on_after_finalize.connect
def schedule_periodic_tasks(sender: Celery, **kwargs: Any) -> None:
    """Give beat every task declared with `every=` (Django is set up, the registry is full)."""
    for definition in registry.periodic():
        assert definition.every is not None
        sender.add_periodic_task(
            definition.every.total_seconds(),
            sender.tasks[definition.name].s().set(queue=definition.queue),
            name=definition.name,
        )
