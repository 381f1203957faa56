from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.db import transaction
from django.utils import timezone

from {{ cookiecutter.project_slug }}.core.events import publish
from {{ cookiecutter.project_slug }}.modules.inventory.api import stock_items_get_many
from {{ cookiecutter.project_slug }}.modules.orders.choices import OrderStatus
from {{ cookiecutter.project_slug }}.modules.orders.events import (
    OrderCancelled,
    OrderPlaced,
    OrderPlacedLine,
)
from {{ cookiecutter.project_slug }}.modules.orders.exceptions import (
    EmptyOrderError,
    OrderAlreadyCancelledError,
    OrderLineSkuRepeatedError,
    OrderLineSkuUnknownError,
)
from {{ cookiecutter.project_slug }}.modules.orders.models import Order, OrderLine
from {{ cookiecutter.project_slug }}.modules.orders.services.fulfilment import (
    fulfilment_notification_create,
)
from {{ cookiecutter.project_slug }}.modules.orders.services.tasks import (
    delay_order_confirmation_send,
)


@dataclass(frozen=True, kw_only=True)
class OrderLineInput:
    sku: str
    quantity: int
    unit_price: Decimal


@transaction.atomic
def order_place(*, customer: Any, lines: Sequence[OrderLineInput]) -> Order:
    """Place an order: at least one line, each SKU once and known to inventory; all or nothing.

    Publishes OrderPlaced (inventory reserves the stock); the customer's confirmation
    e-mail and the fulfilment provider's notification go out from tasks. All of it
    happens only once the order is committed.
    """
    if not lines:
        raise EmptyOrderError()
    repeated = sorted(
        sku for sku, count in Counter(line.sku for line in lines).items() if count > 1
    )
    if repeated:
        raise OrderLineSkuRepeatedError(extra={"skus": repeated})
    known = stock_items_get_many(skus=[line.sku for line in lines])
    unknown = sorted({line.sku for line in lines} - known.keys())
    if unknown:
        raise OrderLineSkuUnknownError(extra={"skus": unknown})

    order = Order(customer=customer)
    order.full_clean()
    order.save()
    order_lines = [
        OrderLine(order=order, sku=line.sku, quantity=line.quantity, unit_price=line.unit_price)
        for line in lines
    ]
    for order_line in order_lines:
        order_line.full_clean()
    OrderLine.objects.bulk_create(order_lines)
    publish(
        OrderPlaced(
            order_id=str(order.public_id),
            lines=[OrderPlacedLine(sku=line.sku, quantity=line.quantity) for line in lines],
        )
    )
    delay_order_confirmation_send(order_id=order.id)
    fulfilment_notification_create(order=order)
    return order


@transaction.atomic
def order_cancel(*, order: Order) -> Order:
    """Cancel a placed order (publishing OrderCancelled); cancelling twice is refused."""
    order = Order.objects.select_for_update().get(pk=order.pk)
    if order.status == OrderStatus.CANCELLED:
        raise OrderAlreadyCancelledError(extra={"public_id": str(order.public_id)})
    order.status = OrderStatus.CANCELLED
    order.cancelled_at = timezone.now()
    order.full_clean()
    order.save(update_fields=["status", "cancelled_at", "updated_at"])
    publish(OrderCancelled(order_id=str(order.public_id)))
    return order
