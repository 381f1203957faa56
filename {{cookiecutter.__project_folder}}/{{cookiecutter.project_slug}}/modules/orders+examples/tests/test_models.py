import pytest
from django.db import IntegrityError

from {{ cookiecutter.project_slug }}.modules.orders.choices import OrderStatus
from {{ cookiecutter.project_slug }}.modules.orders.tests.factories import (
    OrderFactory,
    OrderLineFactory,
)

pytestmark = pytest.mark.django_db


def test_order_cannot_be_cancelled_without_a_cancellation_time() -> None:
    with pytest.raises(IntegrityError):
        OrderFactory.create(status=OrderStatus.CANCELLED, cancelled_at=None)


def test_order_line_sku_is_unique_within_an_order() -> None:
    line = OrderLineFactory.create(sku="MUG-1")

    with pytest.raises(IntegrityError):
        OrderLineFactory.create(order=line.order, sku="MUG-1")


def test_order_line_quantity_is_at_least_one() -> None:
    with pytest.raises(IntegrityError):
        OrderLineFactory.create(quantity=0)
