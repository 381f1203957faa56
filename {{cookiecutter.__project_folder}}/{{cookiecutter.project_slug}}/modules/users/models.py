from typing import ClassVar

from django.contrib.auth.base_user import AbstractBaseUser
from django.contrib.auth.models import PermissionsMixin
from django.db import models
from django.db.models.functions import Lower

from {{ cookiecutter.project_slug }}.core.models import BaseModel
from {{ cookiecutter.project_slug }}.modules.users.managers import UserManager


class User(BaseModel, AbstractBaseUser, PermissionsMixin):
    """A person with an account: the e-mail address is the login, the public id the identity.

    Other modules hold a foreign key to this model (settings.AUTH_USER_MODEL), the one
    cross-module relation allowed (MODULE_RELATIONS_ALLOWED_TO). Sign-up, verification,
    passwords and two-factor are allauth's; profile fields of your own go here.
    """

    email = models.EmailField(max_length=254, unique=True)
    name = models.CharField(max_length=150, blank=True)
    is_staff = models.BooleanField(
        default=False, help_text="Whether the user can log into the admin site."
    )
    is_active = models.BooleanField(
        default=True, help_text="Unticked instead of deleting the account."
    )

    objects = UserManager["User"]()

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS: ClassVar[list[str]] = []

    class Meta:
        ordering = ["email"]
        constraints = [
            # "Ada@example.com" and "ada@example.com" are one address, one account.
            models.UniqueConstraint(
                Lower("email"),
                name="users_user_email_unique_any_case",
                violation_error_message="Another account already uses this e-mail address.",
            ),
        ]

    def __str__(self) -> str:
        return self.email
