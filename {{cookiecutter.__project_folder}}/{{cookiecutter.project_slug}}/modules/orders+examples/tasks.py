"""The orders module's tasks: thin, private, and scheduled only through services.tasks."""

from contextlib import suppress
from datetime import timedelta

from {{ cookiecutter.project_slug }}.core.integrations import TransientIntegrationError
from {{ cookiecutter.project_slug }}.core.tasks import task
from {{ cookiecutter.project_slug }}.modules.orders.services import (
    fulfilment_notification_send,
    fulfilment_notifications_due_schedule,
    order_confirmation_send,
    order_confirmations_missing_schedule,
)


@task(name="orders.confirmation_send", retries=3, retry_backoff=30)
def _order_confirmation_send_task(*, order_id: int) -> None:
    order_confirmation_send(order_id=order_id)


@task(name="orders.confirmations_missing_schedule", every=timedelta(minutes=10))
def _order_confirmations_missing_schedule_task() -> None:
    order_confirmations_missing_schedule(placed_before=timedelta(minutes=10))


# Quick retries for a blip (1, 2, 4, 8, 16 s); longer outages are the sweep's.
@task(name="orders.fulfilment_notification_send", retries=5, retry_backoff=1)
def _fulfilment_notification_send_task(*, notification_id: int) -> None:
    fulfilment_notification_send(notification_id=notification_id)


@task(name="orders.fulfilment_notification_resend", queue="low")
def _fulfilment_notification_resend_task(*, notification_id: int) -> None:
    # A transient failure is recorded on the notification; the sweep tries again when due.
    with suppress(TransientIntegrationError):
        fulfilment_notification_send(notification_id=notification_id)


@task(name="orders.fulfilment_notifications_due_schedule", every=timedelta(minutes=1))
def _fulfilment_notifications_due_schedule_task() -> None:
    fulfilment_notifications_due_schedule()
