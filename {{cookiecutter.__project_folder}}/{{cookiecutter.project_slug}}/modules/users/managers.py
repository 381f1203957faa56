from typing import Any

from django.contrib.auth.base_user import AbstractBaseUser, BaseUserManager


# Generic in the model, so that this file needs no import of models.py (the layer above).
class UserManager[ModelT: AbstractBaseUser](BaseUserManager[ModelT]):
    """What `createsuperuser` and pytest-django's admin fixtures call on the user model.

    The project's own code creates accounts through users.services.user_create instead.
    """

    use_in_migrations = True

    def create_user(self, email: str, password: str | None = None, **fields: Any) -> ModelT:
        user = self.model(email=normalized_email(email), **fields)
        user.set_password(password)
        user.full_clean()
        user.save(using=self._db)
        return user

    def create_superuser(self, email: str, password: str | None = None, **fields: Any) -> ModelT:
        fields.setdefault("is_staff", True)
        fields.setdefault("is_superuser", True)
        return self.create_user(email, password, **fields)


def normalized_email(email: str) -> str:
    """One spelling per address: trimmed and lower-cased, as allauth stores addresses too."""
    return email.strip().lower()
