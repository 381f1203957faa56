"""The outbox's housekeeping, run by the task queue or the scheduler.

The relay's own tasks, when the project has a task queue, are beside its wake-up in
outbox/wake.py.
"""

from datetime import timedelta

from django.conf import settings

from {{ cookiecutter.project_slug }}.core.events.outbox import publications_prune
from {{ cookiecutter.project_slug }}.core.tasks import task


@task(name="core_events.prune", every=timedelta(hours=1))
def _prune_task() -> None:
    publications_prune(older_than=timedelta(days=settings.EVENTS_RETENTION_DAYS))
