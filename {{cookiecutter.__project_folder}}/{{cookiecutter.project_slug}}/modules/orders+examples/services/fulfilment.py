"""Telling the fulfilment provider about orders: from tasks, never while a request waits.

Every order gets a FulfilmentNotification in the transaction that places it, so no call can
be lost. A task calls the provider after commit; transient failures are retried by the task
queue with back-off, then by the periodic sweep; permanent ones park the notification as
failed with the reason. While the provider's circuit is open nothing is sent: the
notification waits, pending, until the sweep finds it due again.

Without a task queue, tasks would run in the request that placed the order: there the
provider is called only by the sweep, which `manage.py run_scheduler` runs every minute
(core.tasks.enqueue_for_worker_on_commit and sweep_after make the difference).
"""

from datetime import datetime, timedelta

from django.conf import settings
from django.db.models import Q
from django.utils import timezone

from {{ cookiecutter.project_slug }}.core.integrations import (
    CircuitOpenError,
    PermanentIntegrationError,
    TransientIntegrationError,
)
from {{ cookiecutter.project_slug }}.core.retries import backoff_delay
from {{ cookiecutter.project_slug }}.core.tasks import sweep_after
from {{ cookiecutter.project_slug }}.modules.orders.choices import FulfilmentNotificationStatus
from {{ cookiecutter.project_slug }}.modules.orders.integrations.fulfilment import (
    FulfilmentLine,
    fulfilment_order_create,
)
from {{ cookiecutter.project_slug }}.modules.orders.models import FulfilmentNotification, Order
from {{ cookiecutter.project_slug }}.modules.orders.selectors import (
    fulfilment_notification_due_ids,
    fulfilment_notification_get,
)
from {{ cookiecutter.project_slug }}.modules.orders.services.tasks import (
    delay_fulfilment_notification_resend,
    delay_fulfilment_notification_send,
)

# Longer than any provider call may last (its connect and read timeouts), so that a claim
# is never taken over while its call is still running.
CLAIM_DURATION = timedelta(minutes=5)
# The task normally delivers within seconds; the sweep steps in only after this (at once
# without a task queue, where there is no task).
SWEEP_AFTER = sweep_after(timedelta(minutes=10))
# The sweep's back-off between attempts, in seconds: doubling from this, with jitter.
SWEEP_BACKOFF = 60.0
# Notifications scheduled per sweep; the next sweep takes the rest.
SWEEP_BATCH = 500

Status = FulfilmentNotificationStatus


def fulfilment_notification_create(*, order: Order) -> FulfilmentNotification:
    """Record that the provider must hear of `order`; the call happens after commit."""
    notification = FulfilmentNotification(
        order=order,
        due_at=timezone.now() + SWEEP_AFTER,
    )
    notification.full_clean()
    notification.save()
    delay_fulfilment_notification_send(notification_id=notification.id)
    return notification


def fulfilment_notification_send(*, notification_id: int) -> str:
    """Tell the provider about a pending notification's order; record and return the outcome.

    Transient failures are recorded and raised again, for the task to retry; after
    settings.FULFILMENT_MAX_ATTEMPTS the notification is parked as failed. A notification
    already sent, failed, or being sent by another task is left alone.
    """
    now = timezone.now()
    claimed = (
        FulfilmentNotification.objects.filter(pk=notification_id, status=Status.PENDING)
        .filter(Q(claimed_until__isnull=True) | Q(claimed_until__lt=now))
        .update(claimed_until=now + CLAIM_DURATION)
    )
    notification = fulfilment_notification_get(notification_id=notification_id)
    if not claimed:
        return notification.status
    order = notification.order
    try:
        reference = fulfilment_order_create(
            idempotency_key=str(notification.public_id),
            order_id=str(order.public_id),
            lines=[
                FulfilmentLine(sku=line.sku, quantity=line.quantity) for line in order.lines.all()
            ],
        )
    except CircuitOpenError as error:
        # Not an attempt: nothing was sent. Wait until the circuit may let a call through.
        _record(
            notification,
            last_error=str(error),
            due_at=timezone.now() + timedelta(seconds=error.retry_after),
        )
        return notification.status
    except PermanentIntegrationError as error:
        _record(notification, attempt=True, status=Status.FAILED, last_error=str(error))
        return notification.status
    except TransientIntegrationError as error:
        attempts = notification.attempts + 1
        if attempts >= settings.FULFILMENT_MAX_ATTEMPTS:
            _record(
                notification,
                attempt=True,
                status=Status.FAILED,
                last_error=f"gave up after {attempts} attempts: {error}",
            )
            return notification.status
        _record(
            notification,
            attempt=True,
            last_error=str(error),
            due_at=timezone.now()
            + timedelta(seconds=backoff_delay(base=SWEEP_BACKOFF, attempt=attempts)),
        )
        raise
    _record(
        notification,
        attempt=True,
        status=Status.SENT,
        last_error="",
        sent_at=timezone.now(),
        provider_reference=reference,
    )
    return notification.status


def _record(
    notification: FulfilmentNotification,
    *,
    attempt: bool = False,
    status: str | None = None,
    last_error: str,
    due_at: datetime | None = None,
    sent_at: datetime | None = None,
    provider_reference: str = "",
) -> None:
    """Write an attempt's outcome and release the claim."""
    if attempt:
        notification.attempts += 1
    if status is not None:
        notification.status = status
    if due_at is not None:
        notification.due_at = due_at
    notification.last_error = last_error
    notification.sent_at = sent_at
    notification.provider_reference = provider_reference
    notification.claimed_until = None
    notification.full_clean()
    notification.save()


def fulfilment_notifications_due_schedule() -> int:
    """Schedule one low-priority task per pending notification that is due; return how many.

    This is how notifications whose task was lost, gave up, or met an open circuit get
    delivered; without a task queue, it is how every notification is.
    """
    due = fulfilment_notification_due_ids(now=timezone.now(), limit=SWEEP_BATCH)
    for notification_id in due:
        delay_fulfilment_notification_resend(notification_id=notification_id)
    return len(due)
