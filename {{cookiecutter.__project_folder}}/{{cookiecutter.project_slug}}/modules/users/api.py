"""What other modules may read from users: frozen dataclasses of primitives, never models.

Other modules may also hold a foreign key to the user model (settings.AUTH_USER_MODEL):
MODULE_RELATIONS_ALLOWED_TO lists users. Other modules' services import this file, and no
other file of users.
"""

from dataclasses import dataclass
from uuid import UUID

from {{ cookiecutter.project_slug }}.modules.users.exceptions import UserNotFoundError
from {{ cookiecutter.project_slug }}.modules.users.selectors import user_get


@dataclass(frozen=True, kw_only=True)
class UserContact:
    public_id: str
    email: str
    name: str


def user_contact_get(*, public_id: UUID | str) -> UserContact:
    """How to address an active user: e-mail and name. Raises UserNotFoundError."""
    try:
        parsed = UUID(str(public_id))
    except ValueError as error:
        raise UserNotFoundError(extra={"public_id": str(public_id)}) from error
    user = user_get(public_id=parsed)
    return UserContact(public_id=str(user.public_id), email=user.email, name=user.name)
