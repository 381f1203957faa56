"""The event-bus seam: modules tell each other what happened, never calling each other.

For example, between an orders and an inventory module:

    # modules/orders/events.py: what the module announces
    @dataclass(frozen=True, kw_only=True)
    class OrderPlaced(Event):
        name: ClassVar[str] = "orders.order_placed"
        order_id: str

    # modules/orders/services/ordering.py: inside the service's transaction
    publish(OrderPlaced(order_id=str(order.public_id)))

    # modules/inventory/handlers.py: imported at startup by this app's ready(), which
    # autodiscovers every installed app's handlers.py
    @subscribe(OrderPlaced)
    def on_order_placed(event: OrderPlaced) -> None:
        stock_reserve_for_order(...)

`publish` never hands an event to anyone before the transaction commits, and a rolled-back
transaction publishes nothing. The bus chosen when the project was baked lives in one module
beside this one, `backend.py`.
"""

from {{ cookiecutter.project_slug }}.core.events.backend import publish
from {{ cookiecutter.project_slug }}.core.events.base import Event, subscribe

__all__ = ["Event", "publish", "subscribe"]
