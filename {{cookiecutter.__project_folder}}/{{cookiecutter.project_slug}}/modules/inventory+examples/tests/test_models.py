import pytest
from django.db import IntegrityError

from {{ cookiecutter.project_slug }}.modules.inventory.tests.factories import StockItemFactory

pytestmark = pytest.mark.django_db


def test_stock_item_cannot_reserve_more_than_on_hand_in_the_database() -> None:
    with pytest.raises(IntegrityError):
        StockItemFactory.create(quantity_on_hand=2, quantity_reserved=3)


def test_stock_item_sku_is_unique_in_the_database() -> None:
    StockItemFactory.create(sku="MUG-1")

    with pytest.raises(IntegrityError):
        StockItemFactory.create(sku="MUG-1")
