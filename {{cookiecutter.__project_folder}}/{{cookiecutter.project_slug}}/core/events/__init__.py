"""The event-bus seam: modules tell each other what happened, never calling each other.

    # modules/orders/events.py: what the module announces
    @dataclass(frozen=True, kw_only=True)
    class OrderPlaced(Event):
        name: ClassVar[str] = "orders.order_placed"
        order_id: str

    # modules/orders/services/ordering.py: inside the service's transaction
    publish(OrderPlaced(order_id=str(order.public_id)))

    # modules/inventory/handlers.py: imported from InventoryConfig.ready()
    @subscribe(OrderPlaced)
    def on_order_placed(event: OrderPlaced) -> None:
        stock_reserve_for_order(...)

`publish` never hands an event to anyone before the transaction commits, and a rolled-back
transaction publishes nothing. This project's bus: {{ cookiecutter.event_bus }}.
"""
{% if cookiecutter.event_bus == "inprocess" %}
from {{ cookiecutter.project_slug }}.core.events.backend_inprocess import publish
{%- endif %}
from {{ cookiecutter.project_slug }}.core.events.base import Event, subscribe

__all__ = ["Event", "publish", "subscribe"]
{%- if cookiecutter.event_bus != "inprocess" %}


def publish(event: Event) -> None:
    """Record `event` for its subscribers in the current transaction; delivered after commit."""
    # Imported here because this package is also the outbox's Django app, loaded before its
    # models may be.
    from {{ cookiecutter.project_slug }}.core.events.outbox import publish as record_for_delivery

    record_for_delivery(event)
{%- endif %}
