"""Events the users module publishes; other modules subscribe to them in their handlers.py."""

from dataclasses import dataclass
from typing import ClassVar

from {{ cookiecutter.project_slug }}.core.events import Event


@dataclass(frozen=True, kw_only=True)
class UserSignedUp(Event):
    """Someone created an account for themselves (staff-made accounts are not sign-ups)."""

    name: ClassVar[str] = "users.user_signed_up"
    version: ClassVar[int] = 1

    user_id: str
