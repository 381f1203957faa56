"""The outbox's background work, run by the task queue or the scheduler."""

from datetime import timedelta

from django.conf import settings

from {{ cookiecutter.project_slug }}.core.events.outbox import (
    publications_prune,
{%- if cookiecutter.task_queue != "none" %}
    publications_relay,
    publications_relay_woken,
{%- endif %}
)
from {{ cookiecutter.project_slug }}.core.tasks import task
{%- if cookiecutter.task_queue != "none" %}


@task(name="core_events.relay")
def _relay_task() -> None:
    publications_relay_woken()


@task(name="core_events.relay_due", every=timedelta(seconds=10))
def _relay_due_task() -> None:
    # Retries whose back-off has passed, and anything a lost wake-up left behind.
    publications_relay()
{%- endif %}


@task(name="core_events.prune", every=timedelta(hours=1))
def _prune_task() -> None:
    publications_prune(older_than=timedelta(days=settings.EVENTS_RETENTION_DAYS))
