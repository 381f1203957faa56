"""The outbox bus: events are recorded with the data and delivered by a relay (see outbox/)."""

from {{ cookiecutter.project_slug }}.core.events.base import Event


def publish(event: Event) -> None:
    """Record `event` for its subscribers in the current transaction; delivered after commit."""
    # Imported here because this package is also the outbox's Django app, loaded before its
    # models may be.
    from {{ cookiecutter.project_slug }}.core.events.outbox import publications_record

    publications_record(event)
