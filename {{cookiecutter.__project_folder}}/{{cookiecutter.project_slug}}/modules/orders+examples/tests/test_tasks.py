from datetime import timedelta
from decimal import Decimal

import pytest
from django.core import mail
from django.utils import timezone
from pytest_django import DjangoCaptureOnCommitCallbacks

from {{ cookiecutter.project_slug }}.core.tasks import registry
from {{ cookiecutter.project_slug }}.core.testing.transactions import rolled_back
from {{ cookiecutter.project_slug }}.modules.inventory.tests.factories import StockItemFactory
from {{ cookiecutter.project_slug }}.modules.orders.models import Order
from {{ cookiecutter.project_slug }}.modules.orders.services import (
    OrderLineInput,
    order_cancel,
    order_confirmation_send,
    order_confirmations_missing_schedule,
    order_place,
)
from {{ cookiecutter.project_slug }}.modules.orders.tests.factories import (
    OrderFactory,
    OrderLineFactory,
)
from {{ cookiecutter.project_slug }}.modules.users.tests.factories import UserFactory

pytestmark = pytest.mark.django_db

MUG = OrderLineInput(sku="MUG-1", quantity=2, unit_price=Decimal("3.50"))


def test_order_place_sends_one_confirmation_after_commit(
    django_capture_on_commit_callbacks: DjangoCaptureOnCommitCallbacks,
) -> None:
    StockItemFactory.create(sku="MUG-1")
    customer = UserFactory.create(email="ada@example.com")

    with django_capture_on_commit_callbacks(execute=True):
        order = order_place(customer=customer, lines=[MUG])
        assert mail.outbox == []

    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["ada@example.com"]
    assert "2 x MUG-1 at 3.50" in mail.outbox[0].body
    assert "Total: 7.00" in mail.outbox[0].body
    order.refresh_from_db()
    assert order.confirmation_sent_at is not None


def test_order_placed_in_a_rolled_back_transaction_sends_nothing(
    django_capture_on_commit_callbacks: DjangoCaptureOnCommitCallbacks,
) -> None:
    StockItemFactory.create(sku="MUG-1")

    with django_capture_on_commit_callbacks(execute=True), rolled_back():
        order_place(customer=UserFactory.create(), lines=[MUG])

    assert mail.outbox == []
    assert not Order.objects.exists()


def test_order_confirmation_send_sends_once_per_order() -> None:
    order = OrderLineFactory.create().order

    assert order_confirmation_send(order_id=order.id) is True
    assert order_confirmation_send(order_id=order.id) is False

    assert len(mail.outbox) == 1


def test_confirmations_missing_schedule_catches_up_old_unconfirmed_orders_only(
    django_capture_on_commit_callbacks: DjangoCaptureOnCommitCallbacks,
) -> None:
    forgotten = OrderLineFactory.create().order
    Order.objects.filter(pk=forgotten.pk).update(created_at=timezone.now() - timedelta(hours=1))
    OrderLineFactory.create()  # placed just now: its own task is still on the way
    confirmed = OrderLineFactory.create().order
    order_confirmation_send(order_id=confirmed.id)
    cancelled = order_cancel(order=OrderFactory.create())
    Order.objects.filter(pk=cancelled.pk).update(created_at=timezone.now() - timedelta(hours=1))
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        scheduled = order_confirmations_missing_schedule(placed_before=timedelta(minutes=10))

    assert scheduled == 1
    assert [message.subject for message in mail.outbox] == [f"Your order {forgotten.public_id}"]


def test_confirmations_missing_schedule_runs_every_ten_minutes() -> None:
    periodic = {definition.name: definition.every for definition in registry.periodic()}

    assert periodic["orders.confirmations_missing_schedule"] == timedelta(minutes=10)
