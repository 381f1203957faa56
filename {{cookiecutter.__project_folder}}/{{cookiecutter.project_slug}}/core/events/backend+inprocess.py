"""In-process events: each handler runs in the publishing process once the transaction commits.

Simple and immediate, but not durable: if the process dies between the commit and a handler,
that handler never sees the event. A failing handler is logged and the others still run.
"""

from functools import partial

from django.db import transaction

from {{ cookiecutter.project_slug }}.core.events.base import (
    Event,
    Handler,
    event_published,
    handlers_for,
)
from {{ cookiecutter.project_slug }}.core.observability.correlation import correlation_id_set


def publish(event: Event) -> None:
    """Hand `event` to every subscribed handler after the current transaction commits."""
    event_published.send(sender=type(event), event=event)
    for handler in handlers_for(type(event)):
        transaction.on_commit(partial(_deliver, handler, event), robust=True)


def _deliver(handler: Handler, event: Event) -> None:
    with correlation_id_set(event.correlation_id), transaction.atomic():
        handler(event)
