from typing import TYPE_CHECKING, Any

from django.db import models
from django.db.models import DecimalField, ExpressionWrapper, F, Sum, Value
from django.db.models.functions import Coalesce

from {{ cookiecutter.project_slug }}.modules.orders.choices import OrderStatus

if TYPE_CHECKING:
    pass


class OrderQuerySet(models.QuerySet["Order"]):
    def for_customer(self, customer: Any) -> "OrderQuerySet":
        return self.filter(customer=customer)

    def placed(self) -> "OrderQuerySet":
        return self.filter(status=OrderStatus.PLACED)

    def with_total(self) -> "OrderQuerySet":
        """Annotate `total`, the sum of quantity x unit price over the order's lines."""
        line_total = ExpressionWrapper(
            F("lines__quantity") * F("lines__unit_price"),
            output_field=DecimalField(max_digits=12, decimal_places=2),
        )
        return self.annotate(
            total=Coalesce(
                Sum(line_total),
                Value(0),
                output_field=DecimalField(max_digits=12, decimal_places=2),
            )
        )
