"""Fulfilment notifications end to end: API requests, background work, a fake provider.

The background work is a real worker process; in a project without a task queue, the sweep.
"""

import time
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import timezone
from rest_framework.test import APIClient

from {{ cookiecutter.project_slug }}.core.integrations import (
    TransientIntegrationError,
    circuit_reset,
    provider_request,
)
from {{ cookiecutter.project_slug }}.core.testing.provider import FakeProvider
from {{ cookiecutter.project_slug }}.core.testing.workers import (
    background_work_until,
    tasks_queued,
)
from {{ cookiecutter.project_slug }}.modules.inventory.tests.factories import StockItemFactory
from {{ cookiecutter.project_slug }}.modules.orders.choices import FulfilmentNotificationStatus
from {{ cookiecutter.project_slug }}.modules.orders.models import FulfilmentNotification
from {{ cookiecutter.project_slug }}.modules.orders.services import (
    fulfilment_notifications_due_schedule,
)

pytestmark = pytest.mark.django_db(transaction=True)

Status = FulfilmentNotificationStatus
PLACE_URL = reverse("orders:order-place")
LINE = {"sku": "MUG-1", "quantity": 2, "unit_price": "3.50"}


@pytest.fixture(autouse=True)
def fresh_circuit() -> Iterator[None]:
    # The cache table outlives transactional tests: start and leave the circuit closed.
    circuit_reset("fulfilment")
    yield
    circuit_reset("fulfilment")


@pytest.fixture
def stock() -> None:
    StockItemFactory.create(sku="MUG-1")


def order_place_through_the_api(client: APIClient) -> float:
    """Place an order as a customer would; return how long the request took."""
    started = time.monotonic()
    response = client.post(PLACE_URL, {"lines": [LINE]}, format="json")
    assert response.status_code == 201, response.content
    return time.monotonic() - started


def statuses() -> list[str]:
    return list(FulfilmentNotification.objects.values_list("status", flat=True))


def worker_settings() -> dict[str, Any]:
    """The worker process's provider settings: this process's, the fake provider's URL included."""
    return {"INTEGRATIONS": settings.INTEGRATIONS}


def sweep_as_time_passes() -> None:
    """Run the scheduler's sweep as if time had passed: every pending notification is due."""
    FulfilmentNotification.objects.filter(status=Status.PENDING).update(due_at=timezone.now())
    fulfilment_notifications_due_schedule()


def delivered_in_the_background(condition: Callable[[], bool], *, what: str) -> None:
    """Let a worker deliver until `condition` holds; without a task queue, the sweep."""
    background_work_until(
        condition, what=what, sweep=sweep_as_time_passes, settings=worker_settings()
    )


def test_order_placement_returns_promptly_while_the_provider_hangs(
    stock: None, user_client: APIClient, fulfilment_provider: FakeProvider
) -> None:
    fulfilment_provider.behave("ok", first=["hang"])

    with tasks_queued():
        elapsed = order_place_through_the_api(user_client)
        # The request never waits for the provider, nor calls it.
        assert elapsed < 1.0
        assert fulfilment_provider.request_count == 0
        assert statuses() == [Status.PENDING]

        # The first call times out (READ_TIMEOUT 1 s); the next attempt delivers.
        delivered_in_the_background(
            lambda: statuses() == [Status.SENT], what="the notification to be sent"
        )

    notification = FulfilmentNotification.objects.get()
    assert notification.attempts == 2
    assert fulfilment_provider.request_count == 2


def test_transient_failures_are_retried_with_back_off_until_delivered(
    stock: None, user_client: APIClient, fulfilment_provider: FakeProvider
) -> None:
    fulfilment_provider.behave("ok", first=["error", "throttle"])

    with tasks_queued():
        order_place_through_the_api(user_client)
        delivered_in_the_background(
            lambda: statuses() == [Status.SENT], what="the notification to be sent"
        )

    assert FulfilmentNotification.objects.get().attempts == 3
    assert fulfilment_provider.request_count == 3


def test_background_work_sees_the_circuit_opened_by_the_test_process(
    stock: None, user_client: APIClient, fulfilment_provider: FakeProvider
) -> None:
    fulfilment_provider.behave("error")
    for _ in range(3):  # FAILURE_THRESHOLD: this process opens the circuit
        with pytest.raises(TransientIntegrationError):
            provider_request("fulfilment", "POST", "/orders", json={})

    with tasks_queued():
        order_place_through_the_api(user_client)
        # A worker is another process: it sees the circuit through the shared cache.
        delivered_in_the_background(
            lambda: "circuit open" in FulfilmentNotification.objects.get().last_error,
            what="the background work to find the circuit open",
        )

    notification = FulfilmentNotification.objects.get()
    assert notification.status == Status.PENDING  # parked for the sweep, not failed
    assert notification.attempts == 0
    assert notification.due_at > timezone.now()
    assert fulfilment_provider.request_count == 3  # the background work sent nothing


def test_no_notification_is_lost_when_the_provider_misbehaves(
    stock: None, user_client: APIClient, fulfilment_provider: FakeProvider
) -> None:
    fulfilment_provider.behave("ok", first=["error", "reject", "throttle", "error"])

    with tasks_queued():
        for _ in range(6):
            order_place_through_the_api(user_client)
        delivered_in_the_background(
            lambda: Status.PENDING not in statuses(),
            what="every notification to be sent or failed",
        )

    assert sorted(statuses()) == [Status.FAILED] + [Status.SENT] * 5
    failed = FulfilmentNotification.objects.get(status=Status.FAILED)
    assert "answered 422" in failed.last_error
    told = {request.body["order_id"] for request in fulfilment_provider.requests}
    assert told == {str(n.order.public_id) for n in FulfilmentNotification.objects.all()}
