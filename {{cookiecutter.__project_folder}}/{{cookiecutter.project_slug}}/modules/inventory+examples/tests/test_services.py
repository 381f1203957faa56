import pytest
from django.core.exceptions import ValidationError

from {{ cookiecutter.project_slug }}.modules.inventory.choices import StockMovementKind
from {{ cookiecutter.project_slug }}.modules.inventory.exceptions import (
    InsufficientStockError,
    InvalidQuantityError,
    StockItemAlreadyExistsError,
    StockItemNotFoundError,
)
from {{ cookiecutter.project_slug }}.modules.inventory.models import StockItem
from {{ cookiecutter.project_slug }}.modules.inventory.services import (
    stock_item_create,
    stock_item_rename,
    stock_receive,
    stock_release,
    stock_reserve,
)
from {{ cookiecutter.project_slug }}.modules.inventory.tests.factories import StockItemFactory

pytestmark = pytest.mark.django_db


def test_stock_item_create_starts_with_nothing_on_hand() -> None:
    item = stock_item_create(sku="MUG-1", name="Mug")

    assert (item.sku, item.name, item.quantity_on_hand, item.quantity_reserved) == (
        "MUG-1",
        "Mug",
        0,
        0,
    )


def test_stock_item_create_refuses_a_taken_sku() -> None:
    StockItemFactory.create(sku="MUG-1")

    with pytest.raises(StockItemAlreadyExistsError):
        stock_item_create(sku="MUG-1", name="Another mug")

    assert StockItem.objects.count() == 1


def test_stock_item_create_validates_the_sku_format() -> None:
    with pytest.raises(ValidationError) as error:
        stock_item_create(sku="lower case", name="Mug")

    assert "sku" in error.value.message_dict
    assert not StockItem.objects.exists()


def test_stock_item_rename_changes_only_the_name() -> None:
    item = StockItemFactory.create(sku="MUG-1", name="Mug", quantity_on_hand=4)

    stock_item_rename(item=item, name="Big mug")

    item.refresh_from_db()
    assert (item.sku, item.name, item.quantity_on_hand) == ("MUG-1", "Big mug", 4)


def test_stock_receive_adds_to_on_hand_and_records_a_movement() -> None:
    StockItemFactory.create(sku="MUG-1", quantity_on_hand=2)

    item = stock_receive(sku="MUG-1", quantity=5, reference="delivery-7")

    assert item.quantity_on_hand == 7
    movement = item.movements.get()
    assert (movement.kind, movement.quantity, movement.reference) == (
        StockMovementKind.RECEIVED,
        5,
        "delivery-7",
    )


@pytest.mark.parametrize("quantity", [0, -3])
def test_stock_receive_refuses_a_quantity_below_one(quantity: int) -> None:
    StockItemFactory.create(sku="MUG-1", quantity_on_hand=2)

    with pytest.raises(InvalidQuantityError):
        stock_receive(sku="MUG-1", quantity=quantity)

    assert StockItem.objects.get(sku="MUG-1").quantity_on_hand == 2


def test_stock_receive_refuses_an_unknown_sku() -> None:
    with pytest.raises(StockItemNotFoundError):
        stock_receive(sku="NOPE", quantity=1)


def test_stock_reserve_sets_units_aside() -> None:
    StockItemFactory.create(sku="MUG-1", quantity_on_hand=5, quantity_reserved=1)

    item = stock_reserve(sku="MUG-1", quantity=3, reference="order-1")

    assert (item.quantity_on_hand, item.quantity_reserved, item.quantity_available) == (5, 4, 1)
    assert item.movements.get().kind == StockMovementKind.RESERVED


def test_stock_reserve_refuses_more_than_available_and_changes_nothing() -> None:
    StockItemFactory.create(sku="MUG-1", quantity_on_hand=5, quantity_reserved=4)

    with pytest.raises(InsufficientStockError) as error:
        stock_reserve(sku="MUG-1", quantity=2, reference="order-1")

    assert error.value.extra == {"sku": "MUG-1", "requested": 2, "available": 1}
    item = StockItem.objects.get(sku="MUG-1")
    assert item.quantity_reserved == 4
    assert not item.movements.exists()


def test_stock_release_returns_reserved_units() -> None:
    StockItemFactory.create(sku="MUG-1", quantity_on_hand=5, quantity_reserved=3)

    item = stock_release(sku="MUG-1", quantity=2, reference="order-1")

    assert (item.quantity_reserved, item.quantity_available) == (1, 4)
    assert item.movements.get().kind == StockMovementKind.RELEASED


def test_stock_release_refuses_more_than_reserved() -> None:
    StockItemFactory.create(sku="MUG-1", quantity_on_hand=5, quantity_reserved=1)

    with pytest.raises(InsufficientStockError):
        stock_release(sku="MUG-1", quantity=2, reference="order-1")
