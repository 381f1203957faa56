"""The only way to schedule the orders module's tasks: by name, after the transaction commits."""

from {{ cookiecutter.project_slug }}.core.tasks import enqueue_on_commit


def delay_order_confirmation_send(*, order_id: int) -> None:
    """Send the customer the confirmation of an order, once the order is committed."""
    enqueue_on_commit("orders.confirmation_send", order_id=order_id)
