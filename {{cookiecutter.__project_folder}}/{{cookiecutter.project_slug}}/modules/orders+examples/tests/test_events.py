from decimal import Decimal

import pytest
from pytest_django import DjangoCaptureOnCommitCallbacks

from {{ cookiecutter.project_slug }}.core.events import Event
from {{ cookiecutter.project_slug }}.core.testing.events import deliver_events
from {{ cookiecutter.project_slug }}.modules.inventory.tests.factories import StockItemFactory
from {{ cookiecutter.project_slug }}.modules.orders.events import OrderCancelled, OrderPlaced
from {{ cookiecutter.project_slug }}.modules.orders.services import (
    OrderLineInput,
    order_cancel,
    order_place,
)
from {{ cookiecutter.project_slug }}.modules.users.tests.factories import UserFactory

pytestmark = pytest.mark.django_db

MUG = OrderLineInput(sku="MUG-1", quantity=2, unit_price=Decimal("3.50"))


def test_order_place_publishes_order_placed(published_events: list[Event]) -> None:
    StockItemFactory.create(sku="MUG-1")

    order = order_place(customer=UserFactory.create(), lines=[MUG])

    assert published_events == [
        OrderPlaced(
            event_id=published_events[0].event_id,
            occurred_at=published_events[0].occurred_at,
            correlation_id=published_events[0].correlation_id,
            order_id=str(order.public_id),
            lines=[{"sku": "MUG-1", "quantity": 2}],
        )
    ]


def test_order_cancel_publishes_order_cancelled(published_events: list[Event]) -> None:
    StockItemFactory.create(sku="MUG-1")
    order = order_place(customer=UserFactory.create(), lines=[MUG])

    order_cancel(order=order)

    assert isinstance(published_events[-1], OrderCancelled)
    assert published_events[-1].order_id == str(order.public_id)


def test_placing_and_cancelling_an_order_reserves_then_releases_stock(
    django_capture_on_commit_callbacks: DjangoCaptureOnCommitCallbacks,
) -> None:
    """The two modules, linked only by events, end to end through the bus."""
    mug = StockItemFactory.create(sku="MUG-1", quantity_on_hand=10)

    with django_capture_on_commit_callbacks(execute=True):
        order = order_place(customer=UserFactory.create(), lines=[MUG])
    deliver_events()
    mug.refresh_from_db()
    assert mug.quantity_reserved == 2

    with django_capture_on_commit_callbacks(execute=True):
        order_cancel(order=order)
    deliver_events()
    mug.refresh_from_db()
    assert mug.quantity_reserved == 0
