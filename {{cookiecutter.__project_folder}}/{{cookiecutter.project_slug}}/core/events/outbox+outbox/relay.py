"""The relay: delivers due publications, a batch per transaction.

Each handler runs in a savepoint inside the relay's transaction, which also marks its
publication completed, so a handler's database writes and its completion commit together: a
relay killed mid-batch leaves the batch to be delivered again, with nothing half-done. A
destination's publications are sent together, once per batch. A failing delivery is retried
with back-off and, after settings.EVENTS_MAX_ATTEMPTS attempts, parked as failed.
"""

import traceback
from collections.abc import Callable
from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.db.models import F
from django.utils import timezone

from {{ cookiecutter.project_slug }}.core.events.base import Event, event_restore, handler_named
from {{ cookiecutter.project_slug }}.core.events.models import (
    EventPublication,
    EventRecord,
    PublicationStatus,
)
from {{ cookiecutter.project_slug }}.core.events.outbox.destinations import SENDERS
from {{ cookiecutter.project_slug }}.core.observability.correlation import correlation_id_set
from {{ cookiecutter.project_slug }}.core.retries import backoff_delay

FAILURE_FIELDS = ["status", "attempts", "next_attempt_at", "last_error"]


def publications_relay(*, batch_size: int = 100) -> int:
    """Deliver due publications, a batch per transaction, until none is due; return the count."""
    attempted = 0
    while batch := _relay_batch(batch_size):
        attempted += batch
    return attempted


def _relay_batch(batch_size: int) -> int:
    with transaction.atomic():
        batch = list(
            EventPublication.objects.due()
            .select_for_update(skip_locked=True, of=("self",))
            .select_related("event")[:batch_size]
        )
        for publication in batch:
            if publication.target not in SENDERS:
                _deliver_to_handler(publication)
        for target, send in SENDERS.items():
            sent = [publication for publication in batch if publication.target == target]
            if sent:
                _deliver_to_destination(send, sent)
        _record_outcomes(batch)
    return len(batch)


def _event_of(record: EventRecord) -> Event:
    return event_restore(
        name=record.name,
        version=record.version,
        event_id=record.event_id,
        occurred_at=record.occurred_at,
        correlation_id=record.correlation_id,
        payload=record.payload,
    )


def _deliver_to_handler(publication: EventPublication) -> None:
    try:
        event = _event_of(publication.event)
        handler = handler_named(publication.target)
        # A savepoint: a failing handler's writes are undone, the rest of the batch is kept.
        with correlation_id_set(event.correlation_id), transaction.atomic():
            handler(event)
    except Exception as error:  # any handler error is the handler's to retry, not the relay's
        _record_failure(publication, error)
    else:
        _record_success(publication)


def _deliver_to_destination(
    send: Callable[[list[Event]], None], publications: list[EventPublication]
) -> None:
    try:
        send([_event_of(publication.event) for publication in publications])
    except Exception as error:  # the destination's failure: retried like a handler's
        for publication in publications:
            _record_failure(publication, error)
    else:
        for publication in publications:
            _record_success(publication)


def _record_success(publication: EventPublication) -> None:
    publication.status = PublicationStatus.COMPLETED


def _record_outcomes(batch: list[EventPublication]) -> None:
    # Successes are most of a batch and share one outcome: one UPDATE, not a CASE per row.
    completed = [p.pk for p in batch if p.status == PublicationStatus.COMPLETED]
    EventPublication.objects.filter(pk__in=completed).update(
        status=PublicationStatus.COMPLETED,
        attempts=F("attempts") + 1,
        completed_at=timezone.now(),
        last_error="",
    )
    failed = [p for p in batch if p.status != PublicationStatus.COMPLETED]
    EventPublication.objects.bulk_update(failed, FAILURE_FIELDS)


def _record_failure(publication: EventPublication, error: Exception) -> None:
    publication.attempts += 1
    publication.last_error = "".join(traceback.format_exception(error))[-4000:]
    if publication.attempts >= settings.EVENTS_MAX_ATTEMPTS:
        publication.status = PublicationStatus.FAILED
        return
    delay = backoff_delay(base=settings.EVENTS_RETRY_BACKOFF, attempt=publication.attempts)
    publication.next_attempt_at = timezone.now() + timedelta(seconds=delay)
