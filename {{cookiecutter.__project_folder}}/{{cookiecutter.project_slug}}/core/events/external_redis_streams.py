"""Externalized events go to Redis Streams: one stream per event name, read by consumer groups.

Sent by the relay from the outbox (never from inside the publishing transaction), so a
message exists only for a committed event; consumers see each event at least once and
deduplicate by `event_id`. See core.events.streams for the consuming side.
"""

import functools
import json

import redis
from django.conf import settings

from {{ cookiecutter.project_slug }}.core.events.base import Event


@functools.cache
def redis_client() -> redis.Redis:
    return redis.Redis.from_url(settings.EVENTS_REDIS_URL)


def stream_name(event_name: str) -> str:
    return f"{settings.EVENTS_STREAM_PREFIX}{event_name}"


def send_externally(events: list[Event]) -> None:
    pipeline = redis_client().pipeline(transaction=False)
    for event in events:
        pipeline.xadd(
            stream_name(event.name),
            {"event": json.dumps(event.to_message())},
            maxlen=settings.EVENTS_STREAM_MAXLEN,
            approximate=True,
        )
    pipeline.execute()
