"""The users module's writes: views, admin, handlers and tasks import services from here.

Its exceptions are imported from users.exceptions, their one home.
"""

from {{ cookiecutter.project_slug }}.modules.users.services.accounts import (
    user_create,
    user_deactivate,
    user_signed_up,
    user_update,
)
from {{ cookiecutter.project_slug }}.modules.users.services.mail import account_email_send

__all__ = [
    "account_email_send",
    "user_create",
    "user_deactivate",
    "user_signed_up",
    "user_update",
]
