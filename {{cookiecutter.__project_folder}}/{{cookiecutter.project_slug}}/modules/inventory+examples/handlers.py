"""What inventory does when other modules' events arrive: call one service per event."""

from {{ cookiecutter.project_slug }}.core.events import subscribe
from {{ cookiecutter.project_slug }}.modules.inventory.services import (
    stock_release_for_order,
    stock_reserve_for_order,
)
from {{ cookiecutter.project_slug }}.modules.orders.events import OrderCancelled, OrderPlaced


@subscribe(OrderPlaced)
def on_order_placed(event: OrderPlaced) -> None:
    """Set stock aside for every line of a placed order."""
    stock_reserve_for_order(reference=event.order_id, lines=event.lines)


@subscribe(OrderCancelled)
def on_order_cancelled(event: OrderCancelled) -> None:
    """Give back the stock a cancelled order had set aside."""
    stock_release_for_order(reference=event.order_id)
