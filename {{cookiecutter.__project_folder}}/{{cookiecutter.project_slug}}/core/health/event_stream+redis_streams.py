"""Readiness of the event stream: the Redis at EVENTS_REDIS_URL that events are added to."""

from django.conf import settings

from {{ cookiecutter.project_slug }}.core.health.redis_ping import redis_ping


def event_stream_check() -> None:
    redis_ping(settings.EVENTS_REDIS_URL)


CHECKS = {"event_stream": event_stream_check}
