"""The broker is Redis Streams: one stream per event name, read by consumer groups.

The relay sends messages here only for committed events (see outbox/destinations.py);
core.events.streams is the consuming side.
"""

import functools
import json
from typing import Any

import redis
from django.conf import settings


@functools.cache
def redis_client() -> redis.Redis:
    return redis.Redis.from_url(settings.EVENTS_REDIS_URL)


def stream_name(event_name: str) -> str:
    return f"{settings.EVENTS_STREAM_PREFIX}{event_name}"


def messages_send(messages: list[dict[str, Any]]) -> None:
    pipeline = redis_client().pipeline(transaction=False)
    for message in messages:
        pipeline.xadd(
            stream_name(message["name"]),
            {"event": json.dumps(message)},
            maxlen=settings.EVENTS_STREAM_MAXLEN,
            approximate=True,
        )
    pipeline.execute()
