"""Events named in settings.EVENTS_EXTERNALIZED also leave the project, through its broker.

For each of them the outbox records one more publication, to EXTERNAL_TARGET, in the
publishing transaction; the relay sends those in batches with `core.events.external_bus`,
never from inside the publishing transaction, and retries a refused batch like a failing
handler.
Consumers see each event at least once and deduplicate by `event_id`.
"""

import uuid
from collections.abc import Callable
from datetime import datetime
from typing import Any

from django.conf import settings

from {{ cookiecutter.project_slug }}.core.events.base import Event, event_restore
from {{ cookiecutter.project_slug }}.core.events.external_bus import messages_send

EXTERNAL_TARGET = "external"


def destinations_for(event: Event) -> list[str]:
    """The broker, if `event` is named in settings.EVENTS_EXTERNALIZED."""
    return [EXTERNAL_TARGET] if event.name in settings.EVENTS_EXTERNALIZED else []


def events_send_externally(events: list[Event]) -> None:
    messages_send([event_to_message(event) for event in events])


# Each destination's target name, and what sends it a batch of events.
SENDERS: dict[str, Callable[[list[Event]], None]] = {EXTERNAL_TARGET: events_send_externally}


def event_to_message(event: Event) -> dict[str, Any]:
    """The event as one JSON object, the shape external consumers receive."""
    return {
        "event_id": str(event.event_id),
        "name": event.name,
        "version": event.version,
        "occurred_at": event.occurred_at.isoformat(),
        "correlation_id": event.correlation_id,
        "payload": event.payload(),
    }


def event_from_message(message: dict[str, Any]) -> Event:
    """The event a message was made from (for consumers of this project's events)."""
    return event_restore(
        name=message["name"],
        version=message["version"],
        event_id=uuid.UUID(message["event_id"]),
        occurred_at=datetime.fromisoformat(message["occurred_at"]),
        correlation_id=message["correlation_id"],
        payload=message["payload"],
    )
