from typing import Any
from uuid import UUID

from django.db.models import QuerySet

from {{ cookiecutter.project_slug }}.modules.orders.exceptions import OrderNotFoundError
from {{ cookiecutter.project_slug }}.modules.orders.models import Order


def order_list(*, customer: Any) -> QuerySet[Order]:
    """A customer's orders, newest first, with totals and lines loaded in two queries."""
    return Order.objects.for_customer(customer).with_total().prefetch_related("lines")


def order_get(*, public_id: UUID, customer: Any) -> Order:
    """One of the customer's orders; another customer's order is reported as not found."""
    try:
        return order_list(customer=customer).get(public_id=public_id)
    except Order.DoesNotExist as error:
        raise OrderNotFoundError(extra={"public_id": str(public_id)}) from error
