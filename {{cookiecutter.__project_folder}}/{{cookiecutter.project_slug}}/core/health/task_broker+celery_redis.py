"""Readiness of the task queue's broker: Celery's Redis, at CELERY_BROKER_URL."""

from django.conf import settings

from {{ cookiecutter.project_slug }}.core.health.redis_ping import redis_ping


def broker_check() -> None:
    redis_ping(settings.CELERY_BROKER_URL)


CHECKS = {"broker": broker_check}
