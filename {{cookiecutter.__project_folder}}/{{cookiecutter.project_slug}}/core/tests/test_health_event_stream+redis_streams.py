"""The readiness probe's check of the Redis that events are added to."""

import pytest
from django.test import Client, override_settings

# A local port nothing listens on: connecting to it is refused at once.
CLOSED_PORT = 1


@pytest.mark.django_db
def test_health_ready_names_an_event_stream_that_is_down(client: Client) -> None:
    with override_settings(EVENTS_REDIS_URL=f"redis://127.0.0.1:{CLOSED_PORT}/1"):
        response = client.get("/health/ready/")

    assert response.status_code == 503
    assert response.json()["failing"] == ["event_stream"]
