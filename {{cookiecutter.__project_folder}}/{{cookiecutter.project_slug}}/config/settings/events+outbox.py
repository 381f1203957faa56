"""Events between modules, through the transactional outbox: every publication is recorded."""

from {{ cookiecutter.project_slug }}.config.settings.environment import env

# A handler that keeps failing is retried with back-off (doubling from EVENTS_RETRY_BACKOFF
# seconds), then parked as failed after EVENTS_MAX_ATTEMPTS attempts, until resubmitted with
# `manage.py event_publications --resubmit`. Delivered publications are kept this many days.
EVENTS_MAX_ATTEMPTS = env.int("EVENTS_MAX_ATTEMPTS", default=8)
EVENTS_RETRY_BACKOFF = env.float("EVENTS_RETRY_BACKOFF", default=2.0)
EVENTS_RETENTION_DAYS = env.int("EVENTS_RETENTION_DAYS", default=7)
