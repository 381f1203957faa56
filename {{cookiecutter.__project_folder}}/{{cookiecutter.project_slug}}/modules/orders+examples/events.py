"""Events the orders module publishes; other modules subscribe to them in their handlers.py."""

from dataclasses import dataclass
from typing import ClassVar, TypedDict

from {{ cookiecutter.project_slug }}.core.events import Event


class OrderPlacedLine(TypedDict):
    """One line of a placed order: a SKU and how many units of it (a JSON object)."""

    sku: str
    quantity: int


@dataclass(frozen=True, kw_only=True)
class OrderPlaced(Event):
    """A customer placed an order of these lines."""

    name: ClassVar[str] = "orders.order_placed"
    version: ClassVar[int] = 1

    order_id: str
    lines: list[OrderPlacedLine]


@dataclass(frozen=True, kw_only=True)
class OrderCancelled(Event):
    """A placed order was cancelled."""

    name: ClassVar[str] = "orders.order_cancelled"
    version: ClassVar[int] = 1

    order_id: str
