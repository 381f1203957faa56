"""The external bus: Redis Streams, one stream per event name."""

from {{ cookiecutter.project_slug }}.config.settings.environment import env

EVENTS_REDIS_URL = env("EVENTS_REDIS_URL", default="redis://127.0.0.1:6379/1")
EVENTS_STREAM_PREFIX = env("EVENTS_STREAM_PREFIX", default="{{ cookiecutter.project_slug }}.")
EVENTS_STREAM_MAXLEN = env.int("EVENTS_STREAM_MAXLEN", default=100_000)
