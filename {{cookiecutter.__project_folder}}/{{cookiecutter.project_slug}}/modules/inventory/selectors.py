from django.db.models import Max, QuerySet

from {{ cookiecutter.project_slug }}.modules.inventory.exceptions import StockItemNotFoundError
from {{ cookiecutter.project_slug }}.modules.inventory.models import StockItem


def stock_item_list(*, in_stock_only: bool = False) -> QuerySet[StockItem]:
    """Stock items by SKU, each annotated with the time of its last movement (one query)."""
    items = StockItem.objects.annotate(last_movement_at=Max("movements__created_at"))
    if in_stock_only:
        items = items.in_stock()
    return items.order_by("sku")


def stock_item_get(*, sku: str) -> StockItem:
    """The stock item with this SKU, or StockItemNotFoundError."""
    try:
        return stock_item_list().get(sku=sku)
    except StockItem.DoesNotExist as error:
        raise StockItemNotFoundError(extra={"sku": sku}) from error
