"""Externalized events go to an AWS EventBridge bus, whose rules route them to targets.

Sent by the relay from the outbox (never from inside the publishing transaction), in calls of
at most 10 entries (the PutEvents limit). If any entry of a call fails, the whole call is
retried later, so targets see each event at least once: they deduplicate by `event_id`.
"""

import functools
import json
from typing import Any

import boto3
from django.conf import settings

from {{ cookiecutter.project_slug }}.core.events.base import Event

PUT_EVENTS_MAX_ENTRIES = 10


class ExternalDeliveryError(Exception):
    """EventBridge refused some entries of a PutEvents call."""


@functools.cache
def eventbridge_client() -> Any:
    return boto3.client(
        "events",
        region_name=settings.EVENTS_AWS_REGION,
        endpoint_url=settings.EVENTS_EVENTBRIDGE_ENDPOINT_URL or None,
    )


def send_externally(events: list[Event]) -> None:
    for start in range(0, len(events), PUT_EVENTS_MAX_ENTRIES):
        batch = events[start : start + PUT_EVENTS_MAX_ENTRIES]
        response = eventbridge_client().put_events(
            Entries=[
                {
                    "EventBusName": settings.EVENTS_EVENTBRIDGE_BUS,
                    "Source": settings.EVENTS_EVENTBRIDGE_SOURCE,
                    "DetailType": event.name,
                    "Detail": json.dumps(event.to_message()),
                    "Time": event.occurred_at,
                }
                for event in batch
            ]
        )
        if response["FailedEntryCount"]:
            failures = [entry for entry in response["Entries"] if "ErrorCode" in entry]
            raise ExternalDeliveryError(
                f"{len(failures)} of {len(batch)} entries refused: {failures}"
            )
