"""The transactional outbox: events are rows, written with the data, delivered by a relay.

`publications_record` records the event and one publication per target (each subscribed
handler, and each destination in `destinations.py`) in the publishing transaction, so they
exist exactly when the data does. After commit the relay (`relay.py`) delivers due
publications in batches; `wake.py` says how it is set going. A publication that keeps
failing is parked as failed until someone resubmits it (`manage.py event_publications
--resubmit`).
"""

from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from {{ cookiecutter.project_slug }}.core.events.base import (
    Event,
    event_published,
    handler_path,
    handlers_for,
)
from {{ cookiecutter.project_slug }}.core.events.models import (
    EventPublication,
    EventPublicationQuerySet,
    EventRecord,
    PublicationStatus,
)
from {{ cookiecutter.project_slug }}.core.events.outbox.destinations import destinations_for
from {{ cookiecutter.project_slug }}.core.events.outbox.wake import relay_wake


def publications_record(event: Event) -> None:
    """Record `event` for every target, in the current transaction; delivered after commit."""
    event_published.send(sender=type(event), event=event)
    targets = [handler_path(handler) for handler in handlers_for(type(event))]
    targets += destinations_for(event)
    # No savepoint of its own: the event belongs to the caller's transaction, whole or not at all.
    with transaction.atomic(savepoint=False):
        record = EventRecord.objects.create(
            event_id=event.event_id,
            name=event.name,
            version=event.version,
            payload=event.payload(),
            occurred_at=event.occurred_at,
            correlation_id=event.correlation_id,
        )
        EventPublication.objects.bulk_create(
            [EventPublication(event=record, target=target) for target in targets]
        )
        transaction.on_commit(relay_wake)


def publications_resubmit(*, publications: EventPublicationQuerySet | None = None) -> int:
    """Give incomplete publications (all, or those given) fresh attempts, due now; count them."""
    chosen = EventPublication.objects.all() if publications is None else publications
    with transaction.atomic():
        transaction.on_commit(relay_wake)
        return chosen.incomplete().update(
            status=PublicationStatus.PENDING,
            attempts=0,
            next_attempt_at=timezone.now(),
            last_error="",
        )


def publications_prune(*, older_than: timedelta) -> int:
    """Forget completed publications, and fully delivered events, older than `older_than`."""
    cutoff = timezone.now() - older_than
    deleted, _ = EventPublication.objects.filter(
        status=PublicationStatus.COMPLETED, completed_at__lt=cutoff
    ).delete()
    EventRecord.objects.filter(occurred_at__lt=cutoff, publications__isnull=True).delete()
    return deleted
