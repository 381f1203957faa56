import pytest
from django.urls import reverse
from rest_framework.test import APIClient

from {{ cookiecutter.project_slug }}.core.testing.assertions import assert_error_response
from {{ cookiecutter.project_slug }}.modules.inventory.models import StockItem
from {{ cookiecutter.project_slug }}.modules.inventory.tests.factories import StockItemFactory

pytestmark = pytest.mark.django_db


def test_item_list_returns_a_page_of_items(user_client: APIClient) -> None:
    StockItemFactory.create(sku="MUG-1", name="Mug", quantity_on_hand=3, quantity_reserved=1)

    response = user_client.get(reverse("inventory:item-list"))

    assert response.status_code == 200
    body = response.json()
    assert body["count"] == 1
    assert body["results"][0] == {
        "sku": "MUG-1",
        "name": "Mug",
        "quantity_on_hand": 3,
        "quantity_reserved": 1,
        "quantity_available": 2,
        "last_movement_at": None,
    }


def test_item_list_filters_in_stock(user_client: APIClient) -> None:
    StockItemFactory.create(sku="MUG-1", quantity_on_hand=3)
    StockItemFactory.create(sku="CUP-1", quantity_on_hand=0)

    response = user_client.get(reverse("inventory:item-list"), {"in_stock": "true"})

    assert [item["sku"] for item in response.json()["results"]] == ["MUG-1"]


def test_item_list_rejects_a_malformed_filter(user_client: APIClient) -> None:
    response = user_client.get(reverse("inventory:item-list"), {"in_stock": "perhaps"})

    body = assert_error_response(response, status=400, code="invalid")
    assert "in_stock" in body["extra"]["fields"]


def test_item_list_requires_authentication(api_client: APIClient) -> None:
    response = api_client.get(reverse("inventory:item-list"))

    assert_error_response(response, status=403, code="not_authenticated")


def test_item_detail_returns_404_shape_for_unknown_sku(user_client: APIClient) -> None:
    response = user_client.get(reverse("inventory:item-detail", args=["NOPE"]))

    body = assert_error_response(response, status=404, code="stock_item_not_found")
    assert body["extra"] == {"sku": "NOPE"}


def test_item_create_by_staff(staff_client: APIClient) -> None:
    response = staff_client.post(
        reverse("inventory:item-create"), {"sku": "MUG-1", "name": "Mug"}, format="json"
    )

    assert response.status_code == 201
    assert response.json()["sku"] == "MUG-1"
    assert StockItem.objects.filter(sku="MUG-1").exists()


def test_item_create_is_refused_to_non_staff(user_client: APIClient) -> None:
    response = user_client.post(
        reverse("inventory:item-create"), {"sku": "MUG-1", "name": "Mug"}, format="json"
    )

    assert_error_response(response, status=403, code="permission_denied")
    assert not StockItem.objects.exists()


def test_item_create_reports_missing_fields(staff_client: APIClient) -> None:
    response = staff_client.post(reverse("inventory:item-create"), {}, format="json")

    body = assert_error_response(response, status=400, code="invalid")
    assert set(body["extra"]["fields"]) == {"sku", "name"}


def test_item_create_reports_a_taken_sku_as_conflict(staff_client: APIClient) -> None:
    StockItemFactory.create(sku="MUG-1")

    response = staff_client.post(
        reverse("inventory:item-create"), {"sku": "MUG-1", "name": "Mug"}, format="json"
    )

    assert_error_response(response, status=409, code="stock_item_already_exists")


def test_item_create_reports_model_validation_as_field_errors(staff_client: APIClient) -> None:
    response = staff_client.post(
        reverse("inventory:item-create"), {"sku": "bad sku", "name": "Mug"}, format="json"
    )

    body = assert_error_response(response, status=400, code="invalid")
    assert "sku" in body["extra"]["fields"]


def test_item_receive_adds_stock(staff_client: APIClient) -> None:
    StockItemFactory.create(sku="MUG-1", quantity_on_hand=1)

    response = staff_client.post(
        reverse("inventory:item-receive", args=["MUG-1"]), {"quantity": 4}, format="json"
    )

    assert response.status_code == 200
    assert response.json()["quantity_on_hand"] == 5
    assert response.json()["last_movement_at"] is not None


def test_item_receive_rejects_a_zero_quantity(staff_client: APIClient) -> None:
    StockItemFactory.create(sku="MUG-1")

    response = staff_client.post(
        reverse("inventory:item-receive", args=["MUG-1"]), {"quantity": 0}, format="json"
    )

    body = assert_error_response(response, status=400, code="invalid")
    assert "quantity" in body["extra"]["fields"]
