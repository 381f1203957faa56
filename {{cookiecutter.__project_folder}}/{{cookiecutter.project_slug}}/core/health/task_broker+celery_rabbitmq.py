"""Readiness of the task queue's broker: Celery's RabbitMQ, at CELERY_BROKER_URL."""

from django.conf import settings
from kombu import Connection


def broker_check() -> None:
    timeout = float(settings.HEALTH_CHECK_TIMEOUT)
    with Connection(settings.CELERY_BROKER_URL, connect_timeout=timeout) as broker:
        # One attempt: a probe reports the state now instead of waiting for a retry.
        broker.ensure_connection(max_retries=1)


CHECKS = {"broker": broker_check}
