import uuid
from decimal import Decimal

import pytest
from pytest_django import DjangoAssertNumQueries

from {{ cookiecutter.project_slug }}.modules.orders.exceptions import OrderNotFoundError
from {{ cookiecutter.project_slug }}.modules.orders.selectors import order_get, order_list
from {{ cookiecutter.project_slug }}.modules.orders.tests.factories import (
    OrderFactory,
    OrderLineFactory,
)
from {{ cookiecutter.project_slug }}.modules.users.tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_order_list_returns_only_the_customers_orders_with_totals() -> None:
    customer = UserFactory.create()
    order = OrderFactory.create(customer=customer)
    OrderLineFactory.create(order=order, quantity=2, unit_price=Decimal("1.50"))
    OrderLineFactory.create(order=order, quantity=1, unit_price=Decimal("4.00"))
    OrderFactory.create(customer=customer)
    OrderLineFactory.create(order__customer=UserFactory.create())

    orders = list(order_list(customer=customer))

    assert len(orders) == 2
    assert {o.total for o in orders} == {Decimal("7.00"), Decimal("0")}


def test_order_list_loads_lines_without_a_query_per_order(
    django_assert_num_queries: DjangoAssertNumQueries,
) -> None:
    customer = UserFactory.create()
    for _ in range(5):
        OrderLineFactory.create_batch(3, order=OrderFactory.create(customer=customer))

    with django_assert_num_queries(2):
        orders = list(order_list(customer=customer))
        line_counts = [len(order.lines.all()) for order in orders]

    assert line_counts == [3] * 5


def test_order_get_hides_other_customers_orders() -> None:
    order = OrderFactory.create()

    with pytest.raises(OrderNotFoundError):
        order_get(public_id=order.public_id, customer=UserFactory.create())


def test_order_get_raises_for_an_unknown_id() -> None:
    with pytest.raises(OrderNotFoundError):
        order_get(public_id=uuid.uuid4(), customer=UserFactory.create())
