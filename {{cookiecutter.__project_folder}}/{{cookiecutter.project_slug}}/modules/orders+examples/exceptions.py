"""The orders module's business errors: imported from here, their one home."""

from {{ cookiecutter.project_slug }}.core.exceptions import (
    ApplicationError,
    ConflictError,
    NotFoundError,
)


class OrderError(ApplicationError):
    """Base class of the orders module's business errors."""


class OrderNotFoundError(NotFoundError, OrderError):
    default_code = "order_not_found"
    default_message = "No such order."


class EmptyOrderError(OrderError):
    default_code = "order_empty"
    default_message = "An order needs at least one line."


class OrderLineSkuRepeatedError(OrderError):
    default_code = "order_line_sku_repeated"
    default_message = "Each SKU may appear on one line of an order only."


class OrderLineSkuUnknownError(OrderError):
    default_code = "order_line_sku_unknown"
    default_message = "Inventory knows no item with this SKU."


class OrderAlreadyCancelledError(ConflictError, OrderError):
    default_code = "order_already_cancelled"
    default_message = "The order is already cancelled."
