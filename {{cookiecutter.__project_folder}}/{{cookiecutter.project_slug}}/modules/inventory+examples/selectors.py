from datetime import datetime
from typing import TypedDict

from django.db.models import Case, F, IntegerField, Max, QuerySet, Sum, When
from django_stubs_ext import WithAnnotations

from {{ cookiecutter.project_slug }}.modules.inventory.choices import StockMovementKind
from {{ cookiecutter.project_slug }}.modules.inventory.exceptions import StockItemNotFoundError
from {{ cookiecutter.project_slug }}.modules.inventory.models import StockItem, StockMovement


class LastMovement(TypedDict):
    """What `stock_item_list()` adds to each item."""

    last_movement_at: datetime | None


type StockItemWithLastMovement = WithAnnotations[StockItem, LastMovement]


def stock_item_list(*, in_stock_only: bool = False) -> QuerySet[StockItemWithLastMovement]:
    """Stock items by SKU, each annotated with the time of its last movement (one query)."""
    items = StockItem.objects.annotate(last_movement_at=Max("movements__created_at"))
    if in_stock_only:
        items = items.in_stock()
    return items.order_by("sku")


def stock_item_get(*, sku: str) -> StockItemWithLastMovement:
    """The stock item with this SKU, or StockItemNotFoundError."""
    try:
        return stock_item_list().get(sku=sku)
    except StockItem.DoesNotExist as error:
        raise StockItemNotFoundError(extra={"sku": sku}) from error


def stock_reserved_for_reference(*, reference: str) -> dict[str, int]:
    """Units each SKU still has reserved for `reference` (an order): reserved less released."""
    signed = Case(
        When(kind=StockMovementKind.RESERVED, then="quantity"),
        When(kind=StockMovementKind.RELEASED, then=-1 * F("quantity")),
        default=0,
        output_field=IntegerField(),
    )
    rows = (
        StockMovement.objects.filter(reference=reference)
        .values("item__sku")
        .annotate(reserved=Sum(signed))
        .order_by("item__sku")
    )
    return {row["item__sku"]: row["reserved"] for row in rows if row["reserved"] > 0}
