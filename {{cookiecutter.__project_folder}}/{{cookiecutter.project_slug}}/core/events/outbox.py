"""The transactional outbox: events are rows, written with the data, delivered by a relay.

`publish` records the event and one publication per target (each subscribed handler, and
the external broker for externalized events when there is one) in the publishing
transaction, so they exist exactly when the data does. After commit the relay delivers due
publications in batches. Each handler runs in a savepoint inside the relay's transaction,
which also marks its publication completed, so a handler's database writes and its
completion commit together: a relay killed mid-batch leaves the batch to be delivered
again, with nothing half-done. A failing handler is retried
with back-off and, after settings.EVENTS_MAX_ATTEMPTS attempts, parked as failed until
someone resubmits it (`manage.py event_publications --resubmit`).
"""

import traceback
from datetime import timedelta

from django.conf import settings
{%- if cookiecutter.task_queue != "none" %}
from django.core.cache import cache
{%- endif %}
from django.db import transaction
from django.db.models import F
from django.utils import timezone

from {{ cookiecutter.project_slug }}.core.events.base import (
    Event,
    event_published,
    event_type_named,
    handler_named,
    handler_path,
    handlers_for,
)
{%- if cookiecutter.event_bus == "redis_streams" %}
from {{ cookiecutter.project_slug }}.core.events.external_redis_streams import send_externally
{%- elif cookiecutter.event_bus == "eventbridge" %}
from {{ cookiecutter.project_slug }}.core.events.external_eventbridge import send_externally
{%- endif %}
from {{ cookiecutter.project_slug }}.core.events.models import (
    EventPublication,
    EventPublicationQuerySet,
    EventRecord,
    PublicationStatus,
)
from {{ cookiecutter.project_slug }}.core.observability.correlation import correlation_id_set
from {{ cookiecutter.project_slug }}.core.retries import backoff_delay
{%- if cookiecutter.task_queue != "none" %}
from {{ cookiecutter.project_slug }}.core.tasks import enqueue_on_commit
{%- endif %}

EXTERNAL_TARGET = "external"
RELAY_WAKE_KEY = "core.events.relay_woken"
FAILURE_FIELDS = ["status", "attempts", "next_attempt_at", "last_error"]


def publish(event: Event) -> None:
    """Record `event` for every subscriber, in the current transaction; delivered after commit."""
    event_published.send(sender=type(event), event=event)
    targets = [handler_path(handler) for handler in handlers_for(type(event))]
{%- if cookiecutter.event_bus != "outbox" %}
    if event.externalized:
        targets.append(EXTERNAL_TARGET)
{%- endif %}
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
{%- if cookiecutter.task_queue != "none" %}
        transaction.on_commit(relay_wake)


def relay_wake() -> None:
    """Ask for a relay run; asks made while one is queued but not yet started are dropped."""
    # Read first: on the database cache a refused add is a failed INSERT, logged by the server.
    if cache.get(RELAY_WAKE_KEY) is None and cache.add(RELAY_WAKE_KEY, True, timeout=60):
        enqueue_on_commit("core_events.relay")


def publications_relay_woken() -> int:
    """The relay task: accept new wake-ups from now on, then deliver everything due."""
    cache.delete(RELAY_WAKE_KEY)
    return publications_relay()
{%- endif %}


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
            if publication.target != EXTERNAL_TARGET:
                _deliver_to_handler(publication)
{%- if cookiecutter.event_bus != "outbox" %}
        external = [publication for publication in batch if publication.target == EXTERNAL_TARGET]
        if external:
            _deliver_externally(external)
{%- endif %}
        _record_outcomes(batch)
    return len(batch)


def _event_of(record: EventRecord) -> Event:
    event_type = event_type_named(record.name)
    if record.version != event_type.version:
        raise LookupError(
            f"{record.name} v{record.version} was published; v{event_type.version} is declared"
        )
    return event_type(
        event_id=record.event_id,
        occurred_at=record.occurred_at,
        correlation_id=record.correlation_id,
        **record.payload,
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
{%- if cookiecutter.event_bus != "outbox" %}


def _deliver_externally(publications: list[EventPublication]) -> None:
    try:
        send_externally([_event_of(publication.event) for publication in publications])
    except Exception as error:  # the broker's failure: retried like a handler's
        for publication in publications:
            _record_failure(publication, error)
    else:
        for publication in publications:
            _record_success(publication)
{%- endif %}


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


def publications_resubmit(*, publications: EventPublicationQuerySet | None = None) -> int:
    """Give incomplete publications (all, or those given) fresh attempts, due now; count them."""
    chosen = EventPublication.objects.all() if publications is None else publications
    with transaction.atomic():
{%- if cookiecutter.task_queue != "none" %}
        transaction.on_commit(relay_wake)
{%- endif %}
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
