from typing import Any

from allauth.account.models import EmailAddress
from django.db import transaction

from {{ cookiecutter.project_slug }}.core.events import publish
from {{ cookiecutter.project_slug }}.core.services import model_update
from {{ cookiecutter.project_slug }}.modules.users.events import UserSignedUp
from {{ cookiecutter.project_slug }}.modules.users.exceptions import UserEmailTakenError
from {{ cookiecutter.project_slug }}.modules.users.managers import normalized_email
from {{ cookiecutter.project_slug }}.modules.users.models import User
from {{ cookiecutter.project_slug }}.modules.users.selectors import user_email_taken

# What user_update may change; the password is allauth's (or the admin's password form).
UPDATABLE_FIELDS = ["email", "name", "is_staff"]


@transaction.atomic
def user_create(
    *, email: str, password: str | None = None, name: str = "", is_staff: bool = False
) -> User:
    """Create an account with a unique address; without a password it cannot log in yet.

    For accounts made by staff or scripts: people sign up through allauth, which calls
    user_signed_up instead.
    """
    email = normalized_email(email)
    if user_email_taken(email=email):
        raise UserEmailTakenError(extra={"email": email})
    return User.objects.create_user(email, password, name=name, is_staff=is_staff)


@transaction.atomic
def user_update(*, user: User, data: dict[str, Any]) -> User:
    """Change an account's address, name or staff status; the address stays unique."""
    previous_email = user.email
    if "email" in data:
        data = {**data, "email": normalized_email(data["email"])}
        if user_email_taken(email=data["email"], excluding=user):
            raise UserEmailTakenError(extra={"email": data["email"]})
    user, _ = model_update(instance=user, fields=UPDATABLE_FIELDS, data=data)
    if user.email != previous_email:
        # allauth logs in by any address it lists for the account: the old one must stop
        # working. allauth has the new one verified at the next log-in.
        EmailAddress.objects.filter(user=user, email__iexact=previous_email).delete()
    return user


@transaction.atomic
def user_deactivate(*, user: User) -> User:
    """Close an account without deleting it: it can no longer log in or use its sessions."""
    user, _ = model_update(instance=user, fields=["is_active"], data={"is_active": False})
    return user


def user_signed_up(*, user: User) -> None:
    """Tell other modules that someone created an account (UserSignedUp), after commit."""
    publish(UserSignedUp(user_id=str(user.public_id)))
