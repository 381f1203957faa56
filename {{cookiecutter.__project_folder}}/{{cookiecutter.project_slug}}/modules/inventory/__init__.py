"""Inventory: stock items, what is on hand and what is reserved."""

from {{ cookiecutter.project_slug }}.modules.inventory.exceptions import (
    InsufficientStockError,
    InvalidQuantityError,
    InventoryError,
    StockItemAlreadyExistsError,
    StockItemNotFoundError,
)

__all__ = [
    "InsufficientStockError",
    "InvalidQuantityError",
    "InventoryError",
    "StockItemAlreadyExistsError",
    "StockItemNotFoundError",
]
