"""One Redis round trip, for the readiness checks of the Redis servers the project uses."""

from django.conf import settings
from redis import Redis


def redis_ping(url: str) -> None:
    """Ping the Redis server at `url`, giving up after HEALTH_CHECK_TIMEOUT seconds."""
    timeout = float(settings.HEALTH_CHECK_TIMEOUT)
    client = Redis.from_url(url, socket_connect_timeout=timeout, socket_timeout=timeout)
    try:
        client.ping()
    finally:
        client.close()
