"""The users module's business errors: imported from here, their one home."""

from {{ cookiecutter.project_slug }}.core.exceptions import (
    ApplicationError,
    ConflictError,
    NotFoundError,
)


class UserError(ApplicationError):
    """Base class of the users module's business errors."""


class UserNotFoundError(NotFoundError, UserError):
    default_code = "user_not_found"
    default_message = "No such user."


class UserEmailTakenError(ConflictError, UserError):
    default_code = "user_email_taken"
    default_message = "Another account already uses this e-mail address."
