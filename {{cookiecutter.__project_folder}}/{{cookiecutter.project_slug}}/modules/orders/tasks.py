"""The orders module's tasks: thin, private, and scheduled only through services.tasks."""

from datetime import timedelta

from {{ cookiecutter.project_slug }}.core.tasks import task
from {{ cookiecutter.project_slug }}.modules.orders.services import (
    order_confirmation_send,
    order_confirmations_missing_schedule,
)


@task(name="orders.confirmation_send", retries=3, retry_backoff=30)
def _order_confirmation_send_task(*, order_id: int) -> None:
    order_confirmation_send(order_id=order_id)


@task(name="orders.confirmations_missing_schedule", every=timedelta(minutes=10))
def _order_confirmations_missing_schedule_task() -> None:
    order_confirmations_missing_schedule(placed_before=timedelta(minutes=10))
