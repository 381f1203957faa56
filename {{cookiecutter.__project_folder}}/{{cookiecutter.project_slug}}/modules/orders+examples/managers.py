from decimal import Decimal
from typing import Any, Self, TypedDict

from django.db import models
from django.db.models import DecimalField, ExpressionWrapper, F, Sum, Value
from django.db.models.functions import Coalesce
from django_stubs_ext import WithAnnotations

from {{ cookiecutter.project_slug }}.modules.orders.choices import OrderStatus


class OrderTotal(TypedDict):
    """What `with_total()` adds to each order."""

    total: Decimal


# Generic in the model, so that this file needs no import of models.py (the layer above).
class OrderQuerySet[ModelT: models.Model](models.QuerySet[ModelT]):
    def for_customer(self, customer: Any) -> Self:
        return self.filter(customer=customer)

    def placed(self) -> Self:
        return self.filter(status=OrderStatus.PLACED)

    def with_total(self) -> "OrderQuerySet[WithAnnotations[ModelT, OrderTotal]]":
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
