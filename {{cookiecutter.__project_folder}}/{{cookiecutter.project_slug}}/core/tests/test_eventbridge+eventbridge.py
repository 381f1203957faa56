"""Externalized events on EventBridge, checked end to end against moto in server mode."""

import json
from collections.abc import Iterator
from typing import Any

import boto3
import pytest
from moto.server import ThreadedMotoServer
from pytest_django import Settings

from {{ cookiecutter.project_slug }}.core.events import publish
from {{ cookiecutter.project_slug }}.core.events.external_bus import eventbridge_client
from {{ cookiecutter.project_slug }}.core.events.outbox.relay import publications_relay
from {{ cookiecutter.project_slug }}.core.testing.events import ProbeAnnounced

pytestmark = pytest.mark.django_db


@pytest.fixture
def aws(monkeypatch: pytest.MonkeyPatch, settings: Settings) -> Iterator[dict[str, str]]:
    """A moto server on a free local port, standing in for AWS; no credentials, no network."""
    for variable, value in {
        "AWS_ACCESS_KEY_ID": "testing",
        "AWS_SECRET_ACCESS_KEY": "testing",
        "AWS_SESSION_TOKEN": "testing",
    }.items():
        monkeypatch.setenv(variable, value)
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    server.start()
    host, port = server.get_host_and_port()
    endpoint = f"http://{host}:{port}"
    settings.EVENTS_EVENTBRIDGE_ENDPOINT_URL = endpoint
    eventbridge_client.cache_clear()
    try:
        yield {"endpoint_url": endpoint, "region_name": settings.EVENTS_AWS_REGION}
    finally:
        eventbridge_client.cache_clear()
        server.stop()


def test_externalized_events_reach_a_rule_target(aws: dict[str, str], settings: Settings) -> None:
    events_api = boto3.client("events", **aws)
    sqs = boto3.client("sqs", **aws)
    events_api.create_event_bus(Name=settings.EVENTS_EVENTBRIDGE_BUS)
    queue_url = sqs.create_queue(QueueName="probe-target")["QueueUrl"]
    queue_arn = sqs.get_queue_attributes(QueueUrl=queue_url, AttributeNames=["QueueArn"])[
        "Attributes"
    ]["QueueArn"]
    events_api.put_rule(
        Name="probes",
        EventBusName=settings.EVENTS_EVENTBRIDGE_BUS,
        EventPattern=json.dumps(
            {
                "source": [settings.EVENTS_EVENTBRIDGE_SOURCE],
                "detail-type": ["core_testing.probe_announced"],
            }
        ),
    )
    events_api.put_targets(
        Rule="probes",
        EventBusName=settings.EVENTS_EVENTBRIDGE_BUS,
        Targets=[{"Id": "queue", "Arn": queue_arn}],
    )
    settings.EVENTS_EXTERNALIZED = ["core_testing.probe_announced"]
    # More than one PutEvents call holds (10 entries at most per call).
    published = [ProbeAnnounced(key=f"bridged-{number}") for number in range(23)]
    for event in published:
        publish(event)

    publications_relay()

    received: list[dict[str, Any]] = []
    while batch := sqs.receive_message(QueueUrl=queue_url, MaxNumberOfMessages=10).get(
        "Messages", []
    ):
        received += [json.loads(message["Body"]) for message in batch]
    assert sorted(message["detail"]["event_id"] for message in received) == sorted(
        str(event.event_id) for event in published
    )
    assert {message["detail-type"] for message in received} == {"core_testing.probe_announced"}
