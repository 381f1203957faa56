"""Events the orders module publishes; other modules subscribe to them in their handlers.py."""

from dataclasses import dataclass
from typing import Any, ClassVar

from {{ cookiecutter.project_slug }}.core.events import Event


@dataclass(frozen=True, kw_only=True)
class OrderPlaced(Event):
    """A customer placed an order; `lines` are {"sku": str, "quantity": int}."""

    name: ClassVar[str] = "orders.order_placed"
    version: ClassVar[int] = 1
    externalized: ClassVar[bool] = True

    order_id: str
    lines: list[dict[str, Any]]


@dataclass(frozen=True, kw_only=True)
class OrderCancelled(Event):
    """A placed order was cancelled."""

    name: ClassVar[str] = "orders.order_cancelled"
    version: ClassVar[int] = 1
    externalized: ClassVar[bool] = True

    order_id: str
