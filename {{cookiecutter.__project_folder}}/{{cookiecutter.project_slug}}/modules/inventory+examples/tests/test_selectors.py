import pytest
from pytest_django import DjangoAssertNumQueries

from {{ cookiecutter.project_slug }}.modules.inventory.exceptions import StockItemNotFoundError
from {{ cookiecutter.project_slug }}.modules.inventory.selectors import (
    stock_item_get,
    stock_item_list,
)
from {{ cookiecutter.project_slug }}.modules.inventory.services import stock_receive
from {{ cookiecutter.project_slug }}.modules.inventory.tests.factories import StockItemFactory

pytestmark = pytest.mark.django_db


def test_stock_item_list_orders_by_sku_and_filters_in_stock() -> None:
    StockItemFactory.create(sku="B-1", quantity_on_hand=3)
    StockItemFactory.create(sku="A-1", quantity_on_hand=0)
    StockItemFactory.create(sku="C-1", quantity_on_hand=2, quantity_reserved=2)

    assert [item.sku for item in stock_item_list()] == ["A-1", "B-1", "C-1"]
    assert [item.sku for item in stock_item_list(in_stock_only=True)] == ["B-1"]


def test_stock_item_list_reads_last_movements_in_one_query(
    django_assert_num_queries: DjangoAssertNumQueries,
) -> None:
    for number in range(5):
        StockItemFactory.create(sku=f"SKU-{number}")
        stock_receive(sku=f"SKU-{number}", quantity=1)

    with django_assert_num_queries(1):
        items = list(stock_item_list())

    assert len(items) == 5
    assert all(item.last_movement_at is not None for item in items)


def test_stock_item_get_raises_for_an_unknown_sku() -> None:
    with pytest.raises(StockItemNotFoundError) as error:
        stock_item_get(sku="NOPE")

    assert error.value.extra == {"sku": "NOPE"}
