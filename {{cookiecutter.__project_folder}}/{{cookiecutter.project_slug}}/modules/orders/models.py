from django.conf import settings
from django.db import models
from django.db.models import Q

from {{ cookiecutter.project_slug }}.core.models import BaseModel
from {{ cookiecutter.project_slug }}.modules.orders.choices import OrderStatus
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
