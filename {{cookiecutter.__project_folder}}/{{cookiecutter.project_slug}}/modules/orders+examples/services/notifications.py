from datetime import timedelta

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.utils import timezone

from {{ cookiecutter.project_slug }}.modules.orders.models import Order
from {{ cookiecutter.project_slug }}.modules.orders.selectors import (
    order_confirmation_pending_ids,
    order_with_lines_get,
)
from {{ cookiecutter.project_slug }}.modules.orders.services.tasks import (
    delay_order_confirmation_send,
)


def order_confirmation_send(*, order_id: int) -> bool:
    """E-mail the customer what they ordered, once per order; return whether it was sent now."""
    with transaction.atomic():
        # The row lock makes two concurrent runs of this task send one e-mail, not two.
        order = Order.objects.select_for_update().get(pk=order_id)
        if order.confirmation_sent_at is not None:
            return False
        details = order_with_lines_get(order_id=order_id)
        lines = "\n".join(
            f"  {line.quantity} x {line.sku} at {line.unit_price}" for line in details.lines.all()
        )
        send_mail(
            subject=f"Your order {order.public_id}",
            message=f"Thank you for your order.\n\n{lines}\n\nTotal: {details.total:.2f}\n",
            from_email=settings.DEFAULT_FROM_EMAIL,
            recipient_list=[details.customer.email],
        )
        order.confirmation_sent_at = timezone.now()
        order.save(update_fields=["confirmation_sent_at", "updated_at"])
    return True


def order_confirmations_missing_schedule(*, placed_before: timedelta) -> int:
    """Schedule a confirmation for every order still unconfirmed after `placed_before`.

    Catches confirmations whose task was lost (a broker down at commit time, say). Each order
    gets its own small task, so one failing e-mail holds up no other.
    """
    pending = order_confirmation_pending_ids(placed_before=timezone.now() - placed_before)
    for order_id in pending:
        delay_order_confirmation_send(order_id=order_id)
    return len(pending)
