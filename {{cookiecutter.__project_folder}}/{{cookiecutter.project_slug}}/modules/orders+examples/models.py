from django.conf import settings
from django.db import models
from django.db.models import Q

from {{ cookiecutter.project_slug }}.core.models import BaseModel
from {{ cookiecutter.project_slug }}.modules.orders.choices import (
    FulfilmentNotificationStatus,
    OrderStatus,
)
from {{ cookiecutter.project_slug }}.modules.orders.managers import OrderQuerySet


class Order(BaseModel):
    customer = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    status = models.CharField(
        max_length=16, choices=OrderStatus.choices, default=OrderStatus.PLACED
    )
    cancelled_at = models.DateTimeField(null=True, blank=True)
    confirmation_sent_at = models.DateTimeField(null=True, blank=True)

    objects = OrderQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["customer", "-created_at"])]
        constraints = [
            models.CheckConstraint(
                condition=(
                    Q(status=OrderStatus.CANCELLED, cancelled_at__isnull=False)
                    | Q(status=OrderStatus.PLACED, cancelled_at__isnull=True)
                ),
                name="orders_order_cancelled_at_matches_status",
            ),
        ]

    def __str__(self) -> str:
        return f"Order {self.public_id}"


class OrderLine(models.Model):
    order = models.ForeignKey(Order, on_delete=models.CASCADE, related_name="lines")
    # The inventory module's public identity of an item: a value, not a cross-module key.
    sku = models.CharField(max_length=64)
    quantity = models.PositiveIntegerField()
    unit_price = models.DecimalField(max_digits=10, decimal_places=2)

    class Meta:
        ordering = ["id"]
        constraints = [
            models.UniqueConstraint(fields=["order", "sku"], name="orders_orderline_unique_sku"),
            models.CheckConstraint(
                condition=Q(quantity__gte=1), name="orders_orderline_quantity_positive"
            ),
            models.CheckConstraint(
                condition=Q(unit_price__gte=0), name="orders_orderline_unit_price_not_negative"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.quantity} x {self.sku}"


class FulfilmentNotification(BaseModel):
    """The fulfilment provider must hear of an order: one row per notification, so none is lost.

    Each ends sent, or failed with a reason; a pending one is (re)tried by its task and by the
    periodic sweep once `due_at` has passed. Its public_id is the call's idempotency key.
    """

    order = models.OneToOneField(
        Order, on_delete=models.PROTECT, related_name="fulfilment_notification"
    )
    status = models.CharField(
        max_length=16,
        choices=FulfilmentNotificationStatus.choices,
        default=FulfilmentNotificationStatus.PENDING,
    )
    attempts = models.PositiveIntegerField(default=0)
    last_error = models.TextField(blank=True)
    # When the sweep should pick it up if no task has delivered it by then.
    due_at = models.DateTimeField()
    # Set while a task is calling the provider, so two tasks never call for one notification.
    claimed_until = models.DateTimeField(null=True, blank=True)
    sent_at = models.DateTimeField(null=True, blank=True)
    provider_reference = models.CharField(max_length=128, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["status", "due_at"])]
        constraints = [
            models.CheckConstraint(
                condition=(
                    Q(status=FulfilmentNotificationStatus.SENT, sent_at__isnull=False)
                    | (~Q(status=FulfilmentNotificationStatus.SENT) & Q(sent_at__isnull=True))
                ),
                name="orders_fulfilmentnotification_sent_at_matches_status",
            ),
        ]

    def __str__(self) -> str:
        return f"Fulfilment notification for order {self.order_id} ({self.status})"
