"""Notifying the fulfilment provider, in-process, against a local fake provider."""

from datetime import timedelta
from decimal import Decimal

import pytest
from django.utils import timezone
from pytest_django.fixtures import DjangoCaptureOnCommitCallbacks, Settings

from {{ cookiecutter.project_slug }}.core.integrations import (
    TransientIntegrationError,
    circuit_state,
)
from {{ cookiecutter.project_slug }}.core.integrations.breakers import CacheCircuitStorage
from {{ cookiecutter.project_slug }}.core.tasks import registry
from {{ cookiecutter.project_slug }}.core.testing.provider import FakeProvider
from {{ cookiecutter.project_slug }}.modules.inventory.tests.factories import StockItemFactory
from {{ cookiecutter.project_slug }}.modules.orders.choices import FulfilmentNotificationStatus
from {{ cookiecutter.project_slug }}.modules.orders.models import FulfilmentNotification
from {{ cookiecutter.project_slug }}.modules.orders.services import (
    OrderLineInput,
    fulfilment_notification_send,
    fulfilment_notifications_due_schedule,
    order_place,
)
from {{ cookiecutter.project_slug }}.modules.users.tests.factories import UserFactory

pytestmark = pytest.mark.django_db

Status = FulfilmentNotificationStatus


@pytest.fixture(autouse=True)
def stock() -> None:
    StockItemFactory.create(sku="MUG-1")


def placed_notification() -> FulfilmentNotification:
    """A placed order's notification, before any task has run."""
    order = order_place(
        customer=UserFactory.create(),
        lines=[OrderLineInput(sku="MUG-1", quantity=2, unit_price=Decimal("3.50"))],
    )
    return FulfilmentNotification.objects.get(order=order)


def send(notification: FulfilmentNotification) -> str:
    return fulfilment_notification_send(notification_id=notification.id)


def test_order_place_records_a_pending_notification() -> None:
    notification = placed_notification()

    assert notification.status == Status.PENDING
    assert notification.attempts == 0


def test_send_tells_the_provider_and_marks_the_notification_sent(
    fulfilment_provider: FakeProvider,
) -> None:
    notification = placed_notification()

    assert send(notification) == Status.SENT

    notification.refresh_from_db()
    assert notification.sent_at is not None
    assert notification.attempts == 1
    assert notification.provider_reference == "ref-1"
    (request,) = fulfilment_provider.requests
    assert request.path == "/orders"
    assert request.headers["Idempotency-Key"] == str(notification.public_id)
    assert request.body == {
        "order_id": str(notification.order.public_id),
        "lines": [{"sku": "MUG-1", "quantity": 2}],
    }


def test_send_of_a_sent_notification_calls_nobody(fulfilment_provider: FakeProvider) -> None:
    notification = placed_notification()
    send(notification)

    assert send(notification) == Status.SENT
    assert fulfilment_provider.request_count == 1


def test_transient_failure_is_recorded_and_raised_for_a_retry(
    fulfilment_provider: FakeProvider,
) -> None:
    fulfilment_provider.behave("error")
    notification = placed_notification()

    with pytest.raises(TransientIntegrationError):
        send(notification)

    notification.refresh_from_db()
    assert notification.status == Status.PENDING
    assert notification.attempts == 1
    assert "answered 500" in notification.last_error
    assert notification.claimed_until is None
    assert notification.due_at > timezone.now() + timedelta(seconds=59)


def test_permanent_failure_parks_the_notification_as_failed_without_retry(
    fulfilment_provider: FakeProvider,
) -> None:
    fulfilment_provider.behave("reject")
    notification = placed_notification()

    assert send(notification) == Status.FAILED
    assert send(notification) == Status.FAILED

    notification.refresh_from_db()
    assert "answered 422" in notification.last_error
    assert notification.attempts == 1
    assert fulfilment_provider.request_count == 1


def test_send_gives_up_after_the_maximum_attempts(
    settings: Settings, fulfilment_provider: FakeProvider
) -> None:
    settings.FULFILMENT_MAX_ATTEMPTS = 2
    fulfilment_provider.behave("throttle")
    notification = placed_notification()

    with pytest.raises(TransientIntegrationError):
        send(notification)
    assert send(notification) == Status.FAILED

    notification.refresh_from_db()
    assert notification.last_error.startswith("gave up after 2 attempts")


def test_a_notification_claimed_by_another_task_is_left_alone(
    fulfilment_provider: FakeProvider,
) -> None:
    notification = placed_notification()
    FulfilmentNotification.objects.filter(pk=notification.pk).update(
        claimed_until=timezone.now() + timedelta(minutes=1)
    )

    assert send(notification) == Status.PENDING
    assert fulfilment_provider.request_count == 0


def test_open_circuit_leaves_notifications_pending_without_calling(
    fulfilment_provider: FakeProvider,
) -> None:
    fulfilment_provider.behave("error")
    for _ in range(3):  # FAILURE_THRESHOLD in the tests' settings
        with pytest.raises(TransientIntegrationError):
            send(placed_notification())
    assert circuit_state("fulfilment") == "open"

    notification = placed_notification()
    assert send(notification) == Status.PENDING

    notification.refresh_from_db()
    assert fulfilment_provider.request_count == 3
    assert notification.attempts == 0  # nothing was sent: not an attempt
    assert "circuit open" in notification.last_error
    assert notification.due_at > timezone.now() + timedelta(seconds=50)


def test_circuit_closes_once_the_provider_recovers(
    settings: Settings, fulfilment_provider: FakeProvider
) -> None:
    fulfilment_provider.behave("error")
    for _ in range(3):
        with pytest.raises(TransientIntegrationError):
            send(placed_notification())
    notification = placed_notification()
    assert send(notification) == Status.PENDING

    fulfilment_provider.behave("ok")
    # The reset timeout passes, without a sleep that a busy machine could outrun.
    reset_timeout = settings.INTEGRATIONS["fulfilment"]["RESET_TIMEOUT"]
    CacheCircuitStorage("fulfilment").opened_at = timezone.now() - timedelta(
        seconds=reset_timeout + 1
    )

    assert send(notification) == Status.SENT
    assert circuit_state("fulfilment") == "closed"


def test_sweep_sends_each_due_notification_in_its_own_low_priority_task(
    django_capture_on_commit_callbacks: DjangoCaptureOnCommitCallbacks,
    fulfilment_provider: FakeProvider,
) -> None:
    due, not_yet = placed_notification(), placed_notification()
    FulfilmentNotification.objects.filter(pk=due.pk).update(due_at=timezone.now())
    FulfilmentNotification.objects.filter(pk=not_yet.pk).update(
        due_at=timezone.now() + timedelta(minutes=5)
    )

    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        assert fulfilment_notifications_due_schedule() == 1

    assert len(callbacks) == 1
    assert registry.get("orders.fulfilment_notification_resend").queue == "low"
    due.refresh_from_db()
    not_yet.refresh_from_db()
    assert due.status == Status.SENT
    assert not_yet.status == Status.PENDING
    assert fulfilment_provider.request_count == 1
