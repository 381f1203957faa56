from uuid import UUID

from django.db.models import Q, QuerySet

from {{ cookiecutter.project_slug }}.modules.users.exceptions import UserNotFoundError
from {{ cookiecutter.project_slug }}.modules.users.models import User


def user_list() -> QuerySet[User]:
    """Accounts that may log in, by e-mail address."""
    return User.objects.filter(is_active=True)


def user_get(*, public_id: UUID) -> User:
    """One active account by its public id; a deactivated one is reported as not found."""
    try:
        return user_list().get(public_id=public_id)
    except User.DoesNotExist as error:
        raise UserNotFoundError(extra={"public_id": str(public_id)}) from error


def user_email_taken(*, email: str, excluding: User | None = None) -> bool:
    """Whether an account, active or not, other than `excluding` has this address.

    allauth's own list of each account's addresses counts too: it logs in by any of them.
    """
    accounts = User.objects.filter(Q(email__iexact=email) | Q(emailaddress__email__iexact=email))
    if excluding is not None:
        accounts = accounts.exclude(pk=excluding.pk)
    return accounts.exists()
