"""The only way to schedule the orders module's tasks: by name, after the transaction commits."""

from {{ cookiecutter.project_slug }}.core.tasks import (
    enqueue_for_worker_on_commit,
    enqueue_on_commit,
)


def delay_order_confirmation_send(*, order_id: int) -> None:
    """Send the customer the confirmation of an order, once the order is committed."""
    enqueue_on_commit("orders.confirmation_send", order_id=order_id)


def delay_fulfilment_notification_send(*, notification_id: int) -> None:
    """Have a worker tell the provider about an order, once its notification is committed.

    Never in the request: without a task queue, the sweep does it.
    """
    enqueue_for_worker_on_commit(
        "orders.fulfilment_notification_send", notification_id=notification_id
    )


def delay_fulfilment_notification_resend(*, notification_id: int) -> None:
    """Try a due fulfilment notification again, at low priority (bulk work from the sweep)."""
    enqueue_on_commit("orders.fulfilment_notification_resend", notification_id=notification_id)
