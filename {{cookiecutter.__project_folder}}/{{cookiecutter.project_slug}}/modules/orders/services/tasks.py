"""The only way to schedule the orders module's tasks: by name, after the transaction commits."""

from {{ cookiecutter.project_slug }}.core.tasks import enqueue_on_commit


def delay_order_confirmation_send(*, order_id: int) -> None:
    """Send the customer the confirmation of an order, once the order is committed."""
    enqueue_on_commit("orders.confirmation_send", order_id=order_id)
{%- if cookiecutter.task_queue != "none" %}


def delay_fulfilment_notification_send(*, notification_id: int) -> None:
    """Tell the fulfilment provider about an order, once its notification is committed."""
    enqueue_on_commit("orders.fulfilment_notification_send", notification_id=notification_id)
{%- endif %}


def delay_fulfilment_notification_resend(*, notification_id: int) -> None:
    """Try a due fulfilment notification again, at low priority (bulk work from the sweep)."""
    enqueue_on_commit("orders.fulfilment_notification_resend", notification_id=notification_id)
