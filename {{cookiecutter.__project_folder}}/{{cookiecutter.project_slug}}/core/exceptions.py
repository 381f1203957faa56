"""The one hierarchy of business errors; the API layer maps each kind to an HTTP status.

Modules subclass these in their own `exceptions.py`, the one place to import them from, each
with a stable `default_code`, so clients can branch on `code` while `message` may change.
"""

from collections.abc import Mapping
from typing import Any


class ApplicationError(Exception):
    """A business rule refused the operation; the message is safe to show to the caller."""

    default_code = "invalid"
    default_message = "The operation breaks a business rule."

    def __init__(
        self,
        message: str | None = None,
        *,
        code: str | None = None,
        extra: Mapping[str, Any] | None = None,
    ) -> None:
        self.message = message or self.default_message
        self.code = code or self.default_code
        self.extra = dict(extra or {})
        super().__init__(self.message)


class NotFoundError(ApplicationError):
    """What was asked for does not exist, or the caller may not know that it does."""

    default_code = "not_found"
    default_message = "Not found."


class PermissionDeniedError(ApplicationError):
    """The caller is known but may not do this."""

    default_code = "permission_denied"
    default_message = "You do not have permission to do this."


class ConflictError(ApplicationError):
    """The operation does not fit the current state of the thing it targets."""

    default_code = "conflict"
    default_message = "The operation conflicts with the current state."
