import uuid

import pytest
from django.contrib.auth.base_user import AbstractBaseUser
from django.urls import reverse
from rest_framework.test import APIClient

from {{ cookiecutter.project_slug }}.core.testing.assertions import assert_error_response
from {{ cookiecutter.project_slug }}.modules.inventory.tests.factories import StockItemFactory
from {{ cookiecutter.project_slug }}.modules.orders.models import Order
from {{ cookiecutter.project_slug }}.modules.orders.services import order_cancel
from {{ cookiecutter.project_slug }}.modules.orders.tests.factories import (
    OrderFactory,
    OrderLineFactory,
)
from {{ cookiecutter.project_slug }}.modules.users.tests.factories import UserFactory

pytestmark = pytest.mark.django_db

PLACE_URL = reverse("orders:order-place")


def test_order_place_returns_the_new_order(user_client: APIClient, user: AbstractBaseUser) -> None:
    StockItemFactory.create(sku="MUG-1")
    payload = {"lines": [{"sku": "MUG-1", "quantity": 2, "unit_price": "3.50"}]}

    response = user_client.post(PLACE_URL, payload, format="json")

    assert response.status_code == 201
    body = response.json()
    assert body["status"] == "placed"
    assert body["total"] == "7.00"
    assert body["lines"] == [{"sku": "MUG-1", "quantity": 2, "unit_price": "3.50"}]
    assert Order.objects.get(public_id=body["public_id"]).customer == user


def test_order_place_reports_malformed_lines_per_field(user_client: APIClient) -> None:
    payload = {"lines": [{"sku": "MUG-1", "quantity": 0, "unit_price": "-1"}]}

    response = user_client.post(PLACE_URL, payload, format="json")

    body = assert_error_response(response, status=400, code="invalid")
    assert set(body["extra"]["fields"]["lines"]["0"]) == {"quantity", "unit_price"}
    assert not Order.objects.exists()


def test_order_place_reports_the_business_rule_for_an_empty_order(user_client: APIClient) -> None:
    response = user_client.post(PLACE_URL, {"lines": []}, format="json")

    assert_error_response(response, status=400, code="order_empty")


def test_order_place_reports_a_repeated_sku(user_client: APIClient) -> None:
    line = {"sku": "MUG-1", "quantity": 1, "unit_price": "1.00"}

    response = user_client.post(PLACE_URL, {"lines": [line, line]}, format="json")

    body = assert_error_response(response, status=400, code="order_line_sku_repeated")
    assert body["extra"] == {"skus": ["MUG-1"]}


def test_order_place_reports_skus_inventory_does_not_know(user_client: APIClient) -> None:
    payload = {"lines": [{"sku": "TEA-1", "quantity": 1, "unit_price": "1.00"}]}

    response = user_client.post(PLACE_URL, payload, format="json")

    body = assert_error_response(response, status=400, code="order_line_sku_unknown")
    assert body["extra"] == {"skus": ["TEA-1"]}
    assert not Order.objects.exists()


def test_order_place_rejects_a_body_that_is_not_json(user_client: APIClient) -> None:
    response = user_client.post(PLACE_URL, "{not json", content_type="application/json")

    assert_error_response(response, status=400, code="parse_error")


def test_order_place_requires_authentication(api_client: APIClient) -> None:
    response = api_client.post(PLACE_URL, {"lines": []}, format="json")

    assert_error_response(response, status=403, code="not_authenticated")


def test_order_list_shows_only_the_callers_orders(
    user_client: APIClient, user: AbstractBaseUser
) -> None:
    mine = OrderLineFactory.create(order__customer=user).order
    OrderLineFactory.create(order__customer=UserFactory.create())

    response = user_client.get(reverse("orders:order-list"))

    assert response.status_code == 200
    assert [order["public_id"] for order in response.json()["results"]] == [str(mine.public_id)]


def test_order_detail_of_another_customer_is_not_found(user_client: APIClient) -> None:
    order = OrderFactory.create()

    response = user_client.get(reverse("orders:order-detail", args=[order.public_id]))

    assert_error_response(response, status=404, code="order_not_found")


def test_order_cancel_cancels_the_callers_order(
    user_client: APIClient, user: AbstractBaseUser
) -> None:
    order = OrderFactory.create(customer=user)

    response = user_client.post(reverse("orders:order-cancel", args=[order.public_id]))

    assert response.status_code == 200
    assert response.json()["status"] == "cancelled"
    order.refresh_from_db()
    assert order.cancelled_at is not None


def test_order_cancel_twice_is_a_conflict(user_client: APIClient, user: AbstractBaseUser) -> None:
    order = order_cancel(order=OrderFactory.create(customer=user))

    response = user_client.post(reverse("orders:order-cancel", args=[order.public_id]))

    assert_error_response(response, status=409, code="order_already_cancelled")


def test_order_cancel_of_an_unknown_order_is_not_found(user_client: APIClient) -> None:
    response = user_client.post(reverse("orders:order-cancel", args=[uuid.uuid4()]))

    assert_error_response(response, status=404, code="order_not_found")
