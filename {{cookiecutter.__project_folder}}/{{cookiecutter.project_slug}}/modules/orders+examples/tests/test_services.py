from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from {{ cookiecutter.project_slug }}.core.events import Event
from {{ cookiecutter.project_slug }}.modules.inventory.tests.factories import StockItemFactory
from {{ cookiecutter.project_slug }}.modules.orders.choices import OrderStatus
from {{ cookiecutter.project_slug }}.modules.orders.exceptions import (
    EmptyOrderError,
    OrderAlreadyCancelledError,
    OrderLineSkuRepeatedError,
    OrderLineSkuUnknownError,
)
from {{ cookiecutter.project_slug }}.modules.orders.models import Order, OrderLine
from {{ cookiecutter.project_slug }}.modules.orders.services import (
    OrderLineInput,
    order_cancel,
    order_place,
)
from {{ cookiecutter.project_slug }}.modules.orders.tests.factories import OrderFactory
from {{ cookiecutter.project_slug }}.modules.users.tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def line(sku: str, quantity: int = 1, unit_price: str = "2.50") -> OrderLineInput:
    return OrderLineInput(sku=sku, quantity=quantity, unit_price=Decimal(unit_price))


def test_order_place_creates_a_placed_order_with_its_lines() -> None:
    StockItemFactory.create(sku="MUG-1")
    StockItemFactory.create(sku="CUP-1")
    customer = UserFactory.create()

    order = order_place(customer=customer, lines=[line("MUG-1", 2), line("CUP-1", 1, "4.00")])

    assert order.customer == customer
    assert order.status == OrderStatus.PLACED
    assert order.cancelled_at is None
    assert sorted(order.lines.values_list("sku", "quantity", "unit_price")) == [
        ("CUP-1", 1, Decimal("4.00")),
        ("MUG-1", 2, Decimal("2.50")),
    ]


def test_order_place_refuses_an_order_without_lines() -> None:
    with pytest.raises(EmptyOrderError):
        order_place(customer=UserFactory.create(), lines=[])

    assert not Order.objects.exists()


def test_order_place_refuses_a_sku_on_two_lines() -> None:
    with pytest.raises(OrderLineSkuRepeatedError) as error:
        order_place(customer=UserFactory.create(), lines=[line("MUG-1"), line("MUG-1", 3)])

    assert error.value.extra == {"skus": ["MUG-1"]}
    assert not Order.objects.exists()


def test_order_place_refuses_skus_inventory_does_not_know(published_events: list[Event]) -> None:
    StockItemFactory.create(sku="MUG-1")

    with pytest.raises(OrderLineSkuUnknownError) as error:
        order_place(
            customer=UserFactory.create(), lines=[line("TEA-1"), line("MUG-1"), line("CUP-1")]
        )

    assert error.value.extra == {"skus": ["CUP-1", "TEA-1"]}
    assert not Order.objects.exists()
    assert published_events == []


def test_order_place_writes_nothing_when_a_later_line_is_invalid() -> None:
    StockItemFactory.create(sku="MUG-1")
    StockItemFactory.create(sku="CUP-1")

    with pytest.raises(ValidationError):
        order_place(customer=UserFactory.create(), lines=[line("MUG-1"), line("CUP-1", quantity=0)])

    assert not Order.objects.exists()
    assert not OrderLine.objects.exists()


def test_order_cancel_marks_the_order_cancelled() -> None:
    order = OrderFactory.create()

    cancelled = order_cancel(order=order)

    assert cancelled.status == OrderStatus.CANCELLED
    assert cancelled.cancelled_at is not None
    order.refresh_from_db()
    assert order.status == OrderStatus.CANCELLED


def test_order_cancel_refuses_a_cancelled_order() -> None:
    order = order_cancel(order=OrderFactory.create())
    cancelled_at = order.cancelled_at

    with pytest.raises(OrderAlreadyCancelledError):
        order_cancel(order=order)

    order.refresh_from_db()
    assert order.cancelled_at == cancelled_at
