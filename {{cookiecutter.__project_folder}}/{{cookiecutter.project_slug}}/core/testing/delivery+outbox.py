"""Delivering events in tests, on the outbox: the relay's work, done here and now."""

from {{ cookiecutter.project_slug }}.core.events.outbox.relay import publications_relay


def deliver_events() -> None:
    """Deliver what has been published and committed, as the relay would in production."""
    publications_relay()
