"""The orders module's writes: views, admin, handlers and tasks import services from here.

Its exceptions are imported from orders.exceptions, their one home.
"""

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
    "OrderLineInput",
    "fulfilment_notification_create",
    "fulfilment_notification_send",
    "fulfilment_notifications_due_schedule",
    "order_cancel",
    "order_confirmation_send",
    "order_confirmations_missing_schedule",
    "order_place",
]
