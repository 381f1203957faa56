"""The readiness probe's check of Celery's RabbitMQ broker."""

import pytest
from django.test import Client, override_settings

# A local port nothing listens on: connecting to it is refused at once.
CLOSED_PORT = 1


@pytest.mark.django_db
def test_health_ready_names_a_broker_that_is_down(client: Client) -> None:
    closed_broker = f"amqp://guest:guest@127.0.0.1:{CLOSED_PORT}//"
    with override_settings(CELERY_BROKER_URL=closed_broker):
        response = client.get("/health/ready/")

    assert response.status_code == 503
    assert response.json()["failing"] == ["broker"]
