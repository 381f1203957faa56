"""Orders: what customers ask for, from placing an order to cancelling it."""

from {{ cookiecutter.project_slug }}.modules.orders.exceptions import (
    EmptyOrderError,
    OrderAlreadyCancelledError,
    OrderError,
    OrderLineSkuRepeatedError,
    OrderLineSkuUnknownError,
    OrderNotFoundError,
)

__all__ = [
    "EmptyOrderError",
    "OrderAlreadyCancelledError",
    "OrderError",
    "OrderLineSkuRepeatedError",
    "OrderLineSkuUnknownError",
    "OrderNotFoundError",
]
