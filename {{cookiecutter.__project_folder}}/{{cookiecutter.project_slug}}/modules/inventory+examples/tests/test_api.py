import pytest
from pytest_django import DjangoAssertNumQueries

from {{ cookiecutter.project_slug }}.modules.inventory.api import (
    StockItemSummary,
    stock_items_get_many,
)
from {{ cookiecutter.project_slug }}.modules.inventory.tests.factories import StockItemFactory

pytestmark = pytest.mark.django_db


def test_stock_items_get_many_returns_known_items_by_sku_in_one_query(
    django_assert_num_queries: DjangoAssertNumQueries,
) -> None:
    StockItemFactory.create(sku="MUG-1", name="Mug", quantity_on_hand=5, quantity_reserved=2)
    StockItemFactory.create(sku="CUP-1", name="Cup")
    StockItemFactory.create(sku="BOWL-1")

    with django_assert_num_queries(1):
        items = stock_items_get_many(skus=["MUG-1", "CUP-1", "NOPE", "MUG-1"])

    assert items == {
        "MUG-1": StockItemSummary(sku="MUG-1", name="Mug", quantity_available=3),
        "CUP-1": StockItemSummary(sku="CUP-1", name="Cup", quantity_available=0),
    }


def test_stock_items_get_many_of_no_skus_asks_nothing(
    django_assert_num_queries: DjangoAssertNumQueries,
) -> None:
    with django_assert_num_queries(0):
        assert stock_items_get_many(skus=[]) == {}
