"""The broker is an AWS EventBridge bus, whose rules route events to targets.

The relay sends messages here only for committed events (see outbox/destinations.py), in
calls of at most 10 entries (the PutEvents limit). If any entry of a call fails, the whole
call is retried later, so targets see each event at least once.
"""

import functools
import json
from datetime import datetime
from typing import Any

import boto3
from django.conf import settings

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


def messages_send(messages: list[dict[str, Any]]) -> None:
    for start in range(0, len(messages), PUT_EVENTS_MAX_ENTRIES):
        batch = messages[start : start + PUT_EVENTS_MAX_ENTRIES]
        response = eventbridge_client().put_events(
            Entries=[
                {
                    "EventBusName": settings.EVENTS_EVENTBRIDGE_BUS,
                    "Source": settings.EVENTS_EVENTBRIDGE_SOURCE,
                    "DetailType": message["name"],
                    "Detail": json.dumps(message),
                    "Time": datetime.fromisoformat(message["occurred_at"]),
                }
                for message in batch
            ]
        )
        if response["FailedEntryCount"]:
            failures = [entry for entry in response["Entries"] if "ErrorCode" in entry]
            raise ExternalDeliveryError(
                f"{len(failures)} of {len(batch)} entries refused: {failures}"
            )
