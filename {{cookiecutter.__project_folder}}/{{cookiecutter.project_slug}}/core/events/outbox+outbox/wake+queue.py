"""The relay run by the task queue: woken after each commit that leaves publications due.

A burst of events wakes it once: asks made while a relay run is queued but not yet started
are dropped. A periodic run picks up retries whose back-off has passed, and anything a lost
wake-up left behind.
"""

from datetime import timedelta

from django.core.cache import cache

from {{ cookiecutter.project_slug }}.core.events.outbox.relay import publications_relay
from {{ cookiecutter.project_slug }}.core.tasks import enqueue_on_commit, task

RELAY_WAKE_KEY = "core.events.relay_woken"


def relay_wake() -> None:
    """Ask for a relay run; asks made while one is queued but not yet started are dropped."""
    # Read first: on the database cache a refused add is a failed INSERT, logged by the server.
    if cache.get(RELAY_WAKE_KEY) is None and cache.add(RELAY_WAKE_KEY, True, timeout=60):
        enqueue_on_commit("core_events.relay")


def publications_relay_woken() -> int:
    """The woken relay: accept new wake-ups from now on, then deliver everything due."""
    cache.delete(RELAY_WAKE_KEY)
    return publications_relay()


@task(name="core_events.relay")
def _relay_task() -> None:
    publications_relay_woken()


@task(name="core_events.relay_due", every=timedelta(seconds=10))
def _relay_due_task() -> None:
    publications_relay()
