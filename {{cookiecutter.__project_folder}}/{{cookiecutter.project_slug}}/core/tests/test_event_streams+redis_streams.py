"""Externalized events on Redis Streams, read by consumer groups, reclaimed from dead consumers."""

import json
import signal
import uuid
from collections.abc import Iterator

import pytest
from pytest_django import Settings

from {{ cookiecutter.project_slug }}.core.events import publish
from {{ cookiecutter.project_slug }}.core.events.external_bus import redis_client, stream_name
from {{ cookiecutter.project_slug }}.core.events.outbox.relay import publications_relay
from {{ cookiecutter.project_slug }}.core.events.streams import (
    consumer_group_ensure,
    stream_consume,
)
from {{ cookiecutter.project_slug }}.core.testing.events import ProbeAnnounced
from {{ cookiecutter.project_slug }}.core.testing.workers import running_process, wait_until

pytestmark = pytest.mark.django_db(transaction=True)

STREAM_KEY = "core_testing.probe_announced"


@pytest.fixture(autouse=True)
def own_streams(settings: Settings) -> Iterator[None]:
    """Probes leave the project, on a stream prefix of this test's own (runs never meet)."""
    settings.EVENTS_EXTERNALIZED = [STREAM_KEY]
    settings.EVENTS_STREAM_PREFIX = f"test-{uuid.uuid4().hex}."
    yield
    redis_client().delete(stream_name(STREAM_KEY))


def test_externalized_events_reach_the_stream_after_the_relay() -> None:
    events = [ProbeAnnounced(key=f"streamed-{number}") for number in range(3)]
    for event in events:
        publish(event)

    publications_relay()

    entries = redis_client().xrange(stream_name(STREAM_KEY))
    assert entries is not None
    messages = [json.loads(fields[b"event"]) for _, fields in entries if fields is not None]
    assert [message["event_id"] for message in messages] == [str(e.event_id) for e in events]
    assert messages[0]["payload"] == {"key": "streamed-0"}


def test_messages_left_pending_by_a_killed_consumer_are_reclaimed_by_another(
    settings: Settings,
) -> None:
    for number in range(20):
        publish(ProbeAnnounced(key=f"pending-{number}"))
    publications_relay()
    stream = stream_name(STREAM_KEY)
    consumer_group_ensure(stream=stream, group="billing")

    # A consumer that reads messages and hangs on the first one: killed with all of them pending.
    with running_process(
        [
            "manage.py",
            "consume_event_stream",
            STREAM_KEY,
            "--group=billing",
            "--consumer=doomed",
            "--handler={{ cookiecutter.project_slug }}.core.testing.streams.hang",
        ],
        settings={"EVENTS_STREAM_PREFIX": settings.EVENTS_STREAM_PREFIX},
    ) as hanging:
        wait_until(
            lambda: redis_client().xpending(stream, "billing")["pending"] == 20,
            what="the first consumer to read every message",
        )
        hanging.send_signal(signal.SIGKILL)
        hanging.wait()

    handled: list[str] = []
    stream_consume(
        stream=stream,
        group="billing",
        consumer="survivor",
        handle=lambda message: handled.append(message["payload"]["key"]),
        reclaim_after_ms=0,
        block_ms=100,
    )

    assert sorted(handled) == sorted(f"pending-{number}" for number in range(20))
    assert redis_client().xpending(stream, "billing")["pending"] == 0
