import pytest
from django.test import Client
from django.urls import reverse

from {{ cookiecutter.project_slug }}.modules.orders.choices import OrderStatus
from {{ cookiecutter.project_slug }}.modules.orders.services import order_cancel
from {{ cookiecutter.project_slug }}.modules.orders.tests.factories import OrderFactory

pytestmark = pytest.mark.django_db


def test_cancel_orders_action_cancels_through_the_service(admin_client: Client) -> None:
    placed = OrderFactory.create()
    already_cancelled = order_cancel(order=OrderFactory.create())

    response = admin_client.post(
        reverse("admin:orders_order_changelist"),
        {"action": "cancel_orders", "_selected_action": [placed.pk, already_cancelled.pk]},
        follow=True,
    )

    assert response.status_code == 200
    placed.refresh_from_db()
    assert placed.status == OrderStatus.CANCELLED
    messages = [str(message) for message in response.context["messages"]]
    assert "Cancelled 1 order(s)." in messages
    assert any("already cancelled" in message for message in messages)
