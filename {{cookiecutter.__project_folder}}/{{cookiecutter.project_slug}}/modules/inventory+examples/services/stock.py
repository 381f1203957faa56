from collections.abc import Sequence

from django.db import transaction

from {{ cookiecutter.project_slug }}.core.services import model_update
from {{ cookiecutter.project_slug }}.modules.inventory.choices import StockMovementKind
from {{ cookiecutter.project_slug }}.modules.inventory.exceptions import (
    InsufficientStockError,
    InvalidQuantityError,
    StockItemAlreadyExistsError,
    StockItemNotFoundError,
)
from {{ cookiecutter.project_slug }}.modules.inventory.models import StockItem, StockMovement
from {{ cookiecutter.project_slug }}.modules.inventory.selectors import stock_reserved_for_reference
from {{ cookiecutter.project_slug }}.modules.orders.api import OrderPlacedLine


@transaction.atomic
def stock_item_create(*, sku: str, name: str) -> StockItem:
    """Register a new item with nothing on hand; a SKU names one item only."""
    if StockItem.objects.filter(sku=sku).exists():
        raise StockItemAlreadyExistsError(extra={"sku": sku})
    item = StockItem(sku=sku, name=name)
    item.full_clean()
    item.save()
    return item


@transaction.atomic
def stock_item_rename(*, item: StockItem, name: str) -> StockItem:
    """Change an item's display name; its SKU and quantities never change this way."""
    item, _ = model_update(instance=item, fields=["name"], data={"name": name})
    return item


@transaction.atomic
def stock_receive(*, sku: str, quantity: int, reference: str = "") -> StockItem:
    """Add delivered units to what is on hand, and record the movement."""
    item = _locked_item(sku=sku)
    _require_positive(quantity)
    item.quantity_on_hand += quantity
    item.save(update_fields=["quantity_on_hand", "updated_at"])
    _record_movement(
        item=item, kind=StockMovementKind.RECEIVED, quantity=quantity, reference=reference
    )
    return item


@transaction.atomic
def stock_reserve(*, sku: str, quantity: int, reference: str) -> StockItem:
    """Set aside units for a reference (an order); never more than is available."""
    item = _locked_item(sku=sku)
    _require_positive(quantity)
    if quantity > item.quantity_available:
        raise InsufficientStockError(
            extra={"sku": sku, "requested": quantity, "available": item.quantity_available}
        )
    item.quantity_reserved += quantity
    item.save(update_fields=["quantity_reserved", "updated_at"])
    _record_movement(
        item=item, kind=StockMovementKind.RESERVED, quantity=quantity, reference=reference
    )
    return item


@transaction.atomic
def stock_release(*, sku: str, quantity: int, reference: str) -> StockItem:
    """Give reserved units back to what is available, e.g. when an order is cancelled."""
    item = _locked_item(sku=sku)
    _require_positive(quantity)
    if quantity > item.quantity_reserved:
        raise InsufficientStockError(
            "Cannot release more than is reserved.",
            extra={"sku": sku, "requested": quantity, "reserved": item.quantity_reserved},
        )
    item.quantity_reserved -= quantity
    item.save(update_fields=["quantity_reserved", "updated_at"])
    _record_movement(
        item=item, kind=StockMovementKind.RELEASED, quantity=quantity, reference=reference
    )
    return item


@transaction.atomic
def stock_reserve_for_order(*, reference: str, lines: Sequence[OrderPlacedLine]) -> None:
    """Reserve every line of an order, or none of them; repeating it reserves nothing more."""
    if stock_reserved_for_reference(reference=reference):
        return
    for line in lines:
        stock_reserve(sku=line["sku"], quantity=line["quantity"], reference=reference)


@transaction.atomic
def stock_release_for_order(*, reference: str) -> None:
    """Give back whatever an order still has reserved; repeating it releases nothing more."""
    for sku, quantity in stock_reserved_for_reference(reference=reference).items():
        stock_release(sku=sku, quantity=quantity, reference=reference)


def _locked_item(*, sku: str) -> StockItem:
    # Row lock: concurrent receipts and reservations of one item are applied one at a time.
    try:
        return StockItem.objects.select_for_update().get(sku=sku)
    except StockItem.DoesNotExist as error:
        raise StockItemNotFoundError(extra={"sku": sku}) from error


def _require_positive(quantity: int) -> None:
    if quantity < 1:
        raise InvalidQuantityError(extra={"quantity": quantity})


def _record_movement(
    *, item: StockItem, kind: StockMovementKind, quantity: int, reference: str
) -> None:
    movement = StockMovement(item=item, kind=kind, quantity=quantity, reference=reference)
    movement.full_clean()
    movement.save()
