"""What other modules may read from inventory: frozen dataclasses of primitives, never models.

Other modules' services import this file, and no other file of inventory.
"""

from collections.abc import Iterable
from dataclasses import dataclass

from {{ cookiecutter.project_slug }}.modules.inventory.models import StockItem


@dataclass(frozen=True, kw_only=True)
class StockItemSummary:
    sku: str
    name: str
    quantity_available: int


def stock_items_get_many(*, skus: Iterable[str]) -> dict[str, StockItemSummary]:
    """The stock items with these SKUs, by SKU, in one query; unknown SKUs are left out."""
    items = StockItem.objects.filter(sku__in=set(skus))
    return {
        item.sku: StockItemSummary(
            sku=item.sku, name=item.name, quantity_available=item.quantity_available
        )
        for item in items
    }
