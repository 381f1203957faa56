import pytest
from django.test import Client
from django.urls import reverse

from {{ cookiecutter.project_slug }}.modules.inventory.models import StockItem
from {{ cookiecutter.project_slug }}.modules.inventory.services import stock_receive
from {{ cookiecutter.project_slug }}.modules.inventory.tests.factories import StockItemFactory

pytestmark = pytest.mark.django_db

# The management form the admin page posts for its (read-only) stock movements inline.
NO_INLINE_FORMS = {"movements-TOTAL_FORMS": 0, "movements-INITIAL_FORMS": 0}


def test_admin_add_creates_the_item_through_the_service(admin_client: Client) -> None:
    response = admin_client.post(
        reverse("admin:inventory_stockitem_add"),
        {"sku": "MUG-1", "name": "Mug", **NO_INLINE_FORMS},
    )

    assert response.status_code == 302
    item = StockItem.objects.get(sku="MUG-1")
    assert (item.name, item.quantity_on_hand) == ("Mug", 0)


def test_admin_change_renames_but_keeps_sku_and_quantities(admin_client: Client) -> None:
    item = StockItemFactory.create(sku="MUG-1", name="Mug", quantity_on_hand=3)

    response = admin_client.post(
        reverse("admin:inventory_stockitem_change", args=[item.pk]),
        {
            "sku": "HACKED",
            "name": "Big mug",
            "quantity_on_hand": 999,
            **NO_INLINE_FORMS,
        },
    )

    assert response.status_code == 302
    item.refresh_from_db()
    assert (item.sku, item.name, item.quantity_on_hand) == ("MUG-1", "Big mug", 3)


def test_admin_change_page_shows_movements_without_fields_to_edit(admin_client: Client) -> None:
    item = StockItemFactory.create(sku="MUG-1")
    stock_receive(sku="MUG-1", quantity=2, reference="delivery-7")

    response = admin_client.get(reverse("admin:inventory_stockitem_change", args=[item.pk]))

    page = response.content.decode()
    assert response.status_code == 200
    assert "delivery-7" in page
    assert 'name="movements-0-quantity"' not in page
