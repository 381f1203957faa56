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
    stock_reserve,
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
    "stock_reserve",
]
