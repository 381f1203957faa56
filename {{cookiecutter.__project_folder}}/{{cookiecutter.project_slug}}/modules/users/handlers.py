"""What users does when allauth reports on accounts: call one service per signal.

No module publishes an event users subscribes to yet; allauth's signals are received here,
where other modules receive events.
"""

from typing import Any

from allauth.account import signals as allauth_signals
from django.dispatch import receiver

from {{ cookiecutter.project_slug }}.modules.users.models import User
from {{ cookiecutter.project_slug }}.modules.users.services import user_signed_up


@receiver(allauth_signals.user_signed_up, dispatch_uid="users.on_user_signed_up")
def on_user_signed_up(sender: Any, user: User, **kwargs: Any) -> None:
    """Announce an account someone created through allauth's sign-up."""
    user_signed_up(user=user)
