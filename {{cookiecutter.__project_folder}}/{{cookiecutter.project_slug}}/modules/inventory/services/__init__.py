"""The inventory module's writes. Views, admin and handlers import from here only."""

from {{ cookiecutter.project_slug }}.modules.inventory.exceptions import (
    InsufficientStockError,
    InvalidQuantityError,
    InventoryError,
    StockItemAlreadyExistsError,
    StockItemNotFoundError,
)
from {{ cookiecutter.project_slug }}.modules.inventory.services.stock import (
    stock_item_create,
    stock_item_rename,
    stock_receive,
    stock_release,
    stock_release_for_order,
    stock_reserve,
    stock_reserve_for_order,
)

__all__ = [
    "InsufficientStockError",
    "InvalidQuantityError",
    "InventoryError",
    "StockItemAlreadyExistsError",
    "StockItemNotFoundError",
    "stock_item_create",
    "stock_item_rename",
    "stock_receive",
    "stock_release",
    "stock_release_for_order",
    "stock_reserve",
    "stock_reserve_for_order",
]
