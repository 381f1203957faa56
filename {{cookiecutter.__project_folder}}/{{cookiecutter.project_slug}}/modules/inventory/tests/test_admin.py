import pytest
from django.test import Client
from django.urls import reverse

from {{ cookiecutter.project_slug }}.core.testing.factories import UserFactory
from {{ cookiecutter.project_slug }}.modules.inventory.models import StockItem
from {{ cookiecutter.project_slug }}.modules.inventory.tests.factories import StockItemFactory

pytestmark = pytest.mark.django_db

# The management form the admin page posts for its (read-only) stock movements inline.
NO_INLINE_FORMS = {"movements-TOTAL_FORMS": 0, "movements-INITIAL_FORMS": 0}


@pytest.fixture
def admin_client_for_superuser(client: Client) -> Client:
    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    return client


def test_admin_add_creates_the_item_through_the_service(
    admin_client_for_superuser: Client,
) -> None:
    response = admin_client_for_superuser.post(
        reverse("admin:inventory_stockitem_add"),
        {"sku": "MUG-1", "name": "Mug", **NO_INLINE_FORMS},
    )

    assert response.status_code == 302
    item = StockItem.objects.get(sku="MUG-1")
    assert (item.name, item.quantity_on_hand) == ("Mug", 0)


def test_admin_change_renames_but_keeps_sku_and_quantities(
    admin_client_for_superuser: Client,
) -> None:
    item = StockItemFactory(sku="MUG-1", name="Mug", quantity_on_hand=3)

    response = admin_client_for_superuser.post(
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
