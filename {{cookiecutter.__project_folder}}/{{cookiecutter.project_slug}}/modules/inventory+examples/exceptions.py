"""The inventory module's business errors: imported from here, their one home."""

from {{ cookiecutter.project_slug }}.core.exceptions import (
    ApplicationError,
    ConflictError,
    NotFoundError,
)


class InventoryError(ApplicationError):
    """Base class of the inventory module's business errors."""


class StockItemNotFoundError(NotFoundError, InventoryError):
    default_code = "stock_item_not_found"
    default_message = "No stock item has this SKU."


class StockItemAlreadyExistsError(ConflictError, InventoryError):
    default_code = "stock_item_already_exists"
    default_message = "A stock item with this SKU already exists."


class InsufficientStockError(ConflictError, InventoryError):
    default_code = "insufficient_stock"
    default_message = "Not enough stock is available."


class InvalidQuantityError(InventoryError):
    default_code = "invalid_quantity"
    default_message = "The quantity must be at least 1."
