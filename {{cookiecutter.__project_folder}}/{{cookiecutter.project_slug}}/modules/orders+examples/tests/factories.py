from decimal import Decimal

import factory

from {{ cookiecutter.project_slug }}.modules.orders.models import Order, OrderLine
from {{ cookiecutter.project_slug }}.modules.users.tests.factories import UserFactory


class OrderFactory(factory.django.DjangoModelFactory[Order]):
    class Meta:
        model = Order

    customer = factory.SubFactory(UserFactory)


class OrderLineFactory(factory.django.DjangoModelFactory[OrderLine]):
    class Meta:
        model = OrderLine

    order = factory.SubFactory(OrderFactory)
    sku = factory.Sequence(lambda number: f"SKU-{number:05d}")
    quantity = 1
    unit_price = Decimal("9.99")
