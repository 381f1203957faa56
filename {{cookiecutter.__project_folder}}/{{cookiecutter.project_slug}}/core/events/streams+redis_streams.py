"""Consuming an event stream with a Redis consumer group: each message goes to one consumer.

A consumer acknowledges a message only after handling it. Messages a consumer read but never
acknowledged (it died) stay pending; any consumer of the group claims them once they have
been idle for `reclaim_after_ms`, so nothing read is lost when a consumer dies.
"""

import json
from collections.abc import Callable
from typing import Any, cast

import redis

from {{ cookiecutter.project_slug }}.core.events.external_bus import redis_client

type MessageHandler = Callable[[dict[str, Any]], None]
# One stream message as this client (RESP2, bytes replies: redis-py's defaults) returns it.
type StreamMessage = tuple[bytes, dict[bytes, bytes]]


def consumer_group_ensure(*, stream: str, group: str) -> None:
    try:
        redis_client().xgroup_create(stream, group, id="0", mkstream=True)
    except redis.ResponseError as error:
        if "BUSYGROUP" not in str(error):
            raise


def stream_consume(
    *,
    stream: str,
    group: str,
    consumer: str,
    handle: MessageHandler,
    count: int = 100,
    block_ms: int = 1000,
    reclaim_after_ms: int = 60_000,
) -> int:
    """Handle one round of messages (reclaimed ones first, then new ones); return how many."""
    client = redis_client()
    consumer_group_ensure(stream=stream, group=group)
    _, reclaimed, _ = client.xautoclaim(
        stream, group, consumer, min_idle_time=reclaim_after_ms, start_id="0-0", count=count
    )
    # redis-py types the reply as the union of every protocol's shape; RESP2's is this one.
    fresh = cast(
        "list[tuple[bytes, list[StreamMessage]]]",
        client.xreadgroup(group, consumer, {stream: ">"}, count=count, block=block_ms),
    )
    messages: list[StreamMessage] = list(reclaimed) + [
        message for _, batch in fresh for message in batch
    ]
    for message_id, fields in messages:
        handle(json.loads(fields[b"event"]))
        client.xack(stream, group, message_id)
    return len(messages)
