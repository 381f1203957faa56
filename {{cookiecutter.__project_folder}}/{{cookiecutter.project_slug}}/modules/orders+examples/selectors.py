from datetime import datetime
from typing import Any
from uuid import UUID

from django.db.models import QuerySet
from django_stubs_ext import WithAnnotations

from {{ cookiecutter.project_slug }}.modules.orders.choices import FulfilmentNotificationStatus
from {{ cookiecutter.project_slug }}.modules.orders.exceptions import OrderNotFoundError
from {{ cookiecutter.project_slug }}.modules.orders.managers import OrderTotal
from {{ cookiecutter.project_slug }}.modules.orders.models import FulfilmentNotification, Order

type OrderWithTotal = WithAnnotations[Order, OrderTotal]


def order_list(*, customer: Any) -> QuerySet[OrderWithTotal]:
    """A customer's orders, newest first, with totals and lines loaded in two queries."""
    return Order.objects.for_customer(customer).with_total().prefetch_related("lines")


def order_get(*, public_id: UUID, customer: Any) -> OrderWithTotal:
    """One of the customer's orders; another customer's order is reported as not found."""
    try:
        return order_list(customer=customer).get(public_id=public_id)
    except Order.DoesNotExist as error:
        raise OrderNotFoundError(extra={"public_id": str(public_id)}) from error


def order_with_lines_get(*, order_id: int) -> OrderWithTotal:
    """An order with its customer, lines and total loaded, for documents sent about it."""
    return (
        Order.objects.with_total()
        .select_related("customer")
        .prefetch_related("lines")
        .get(pk=order_id)
    )


def order_confirmation_pending_ids(*, placed_before: datetime) -> list[int]:
    """Ids of placed orders, older than `placed_before`, whose confirmation has not gone out."""
    return list(
        Order.objects.placed()
        .filter(confirmation_sent_at__isnull=True, created_at__lt=placed_before)
        .order_by("created_at")
        .values_list("id", flat=True)
    )


def fulfilment_notification_get(*, notification_id: int) -> FulfilmentNotification:
    """A fulfilment notification with its order and the order's lines loaded."""
    return (
        FulfilmentNotification.objects.select_related("order")
        .prefetch_related("order__lines")
        .get(pk=notification_id)
    )


def fulfilment_notification_due_ids(*, now: datetime, limit: int) -> list[int]:
    """Ids of pending fulfilment notifications due by `now`, oldest due first."""
    return list(
        FulfilmentNotification.objects.filter(
            status=FulfilmentNotificationStatus.PENDING, due_at__lte=now
        )
        .order_by("due_at", "id")
        .values_list("id", flat=True)[:limit]
    )
