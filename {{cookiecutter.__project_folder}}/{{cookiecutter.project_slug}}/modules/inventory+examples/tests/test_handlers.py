import uuid

import pytest

from {{ cookiecutter.project_slug }}.modules.inventory.exceptions import InsufficientStockError
from {{ cookiecutter.project_slug }}.modules.inventory.handlers import (
    on_order_cancelled,
    on_order_placed,
)
from {{ cookiecutter.project_slug }}.modules.inventory.models import StockItem
from {{ cookiecutter.project_slug }}.modules.inventory.tests.factories import StockItemFactory
from {{ cookiecutter.project_slug }}.modules.orders.events import OrderCancelled, OrderPlaced

pytestmark = pytest.mark.django_db

ORDER_ID = str(uuid.uuid4())


def placed(*lines: tuple[str, int]) -> OrderPlaced:
    return OrderPlaced(
        order_id=ORDER_ID, lines=[{"sku": sku, "quantity": quantity} for sku, quantity in lines]
    )


def reserved() -> dict[str, int]:
    return dict(StockItem.objects.values_list("sku", "quantity_reserved"))


def test_order_placed_reserves_every_line() -> None:
    StockItemFactory.create(sku="MUG-1", quantity_on_hand=5)
    StockItemFactory.create(sku="CUP-1", quantity_on_hand=5)

    on_order_placed(placed(("MUG-1", 2), ("CUP-1", 1)))

    assert reserved() == {"MUG-1": 2, "CUP-1": 1}


def test_order_placed_delivered_twice_reserves_once() -> None:
    StockItemFactory.create(sku="MUG-1", quantity_on_hand=5)

    on_order_placed(placed(("MUG-1", 2)))
    on_order_placed(placed(("MUG-1", 2)))

    assert reserved() == {"MUG-1": 2}


def test_order_placed_reserves_nothing_when_a_line_is_short() -> None:
    StockItemFactory.create(sku="MUG-1", quantity_on_hand=5)
    StockItemFactory.create(sku="CUP-1", quantity_on_hand=0)

    with pytest.raises(InsufficientStockError):
        on_order_placed(placed(("MUG-1", 2), ("CUP-1", 1)))

    assert reserved() == {"MUG-1": 0, "CUP-1": 0}


def test_order_cancelled_releases_what_the_order_reserved_once() -> None:
    StockItemFactory.create(sku="MUG-1", quantity_on_hand=5, quantity_reserved=1)
    on_order_placed(placed(("MUG-1", 2)))

    on_order_cancelled(OrderCancelled(order_id=ORDER_ID))
    on_order_cancelled(OrderCancelled(order_id=ORDER_ID))

    assert reserved() == {"MUG-1": 1}
