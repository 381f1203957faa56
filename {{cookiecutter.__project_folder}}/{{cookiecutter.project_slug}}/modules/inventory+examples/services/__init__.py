"""The inventory module's writes: views, admin, handlers and tasks import services from here.

Its exceptions are imported from inventory.exceptions, their one home.
"""

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
    "stock_item_create",
    "stock_item_rename",
    "stock_receive",
    "stock_release",
    "stock_release_for_order",
    "stock_reserve",
    "stock_reserve_for_order",
]
