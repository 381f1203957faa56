"""The orders module's writes. Views, admin and handlers import from here only."""

from {{ cookiecutter.project_slug }}.modules.orders.exceptions import (
    EmptyOrderError,
    OrderAlreadyCancelledError,
    OrderError,
    OrderLineSkuRepeatedError,
    OrderLineSkuUnknownError,
    OrderNotFoundError,
)
from {{ cookiecutter.project_slug }}.modules.orders.services.fulfilment import (
    fulfilment_notification_create,
    fulfilment_notification_send,
    fulfilment_notifications_due_schedule,
)
from {{ cookiecutter.project_slug }}.modules.orders.services.notifications import (
    order_confirmation_send,
    order_confirmations_missing_schedule,
)
from {{ cookiecutter.project_slug }}.modules.orders.services.ordering import (
    OrderLineInput,
    order_cancel,
    order_place,
)

__all__ = [
    "EmptyOrderError",
    "OrderAlreadyCancelledError",
    "OrderError",
    "OrderLineInput",
    "OrderLineSkuRepeatedError",
    "OrderLineSkuUnknownError",
    "OrderNotFoundError",
    "fulfilment_notification_create",
    "fulfilment_notification_send",
    "fulfilment_notifications_due_schedule",
    "order_cancel",
    "order_confirmation_send",
    "order_confirmations_missing_schedule",
    "order_place",
]
