from typing import Any

from django import forms
from django.contrib import admin, messages
from django.db.models import QuerySet
from django.forms import ModelForm
from django.http import HttpRequest

from {{ cookiecutter.project_slug }}.modules.users.models import User
from {{ cookiecutter.project_slug }}.modules.users.services import (
    user_create,
    user_deactivate,
    user_update,
)
from {{ cookiecutter.project_slug }}.modules.users.services.accounts import UPDATABLE_FIELDS

ADD_FIELDS = ("email", "name", "is_staff")


class UserAddForm(forms.ModelForm[User]):
    """A new account has no password: its owner sets one through allauth's password reset."""

    class Meta:
        model = User
        fields = ADD_FIELDS


@admin.register(User)
class UserAdmin(admin.ModelAdmin[User]):
    """Accounts, written through the users services: created, changed and deactivated.

    Permissions (groups and per-user ones) are Django's own, saved by the form as usual.
    Accounts are deactivated, never deleted: other modules' records point at them.
    """

    list_display = ["email", "name", "is_staff", "is_active", "last_login", "created_at"]
    list_filter = ["is_staff", "is_superuser", "is_active"]
    search_fields = ["email", "name"]
    fields = (
        "public_id",
        "email",
        "name",
        "is_active",
        "is_staff",
        "is_superuser",
        "groups",
        "user_permissions",
        "last_login",
        "created_at",
    )
    readonly_fields = ("public_id", "is_active", "is_superuser", "last_login", "created_at")
    filter_horizontal = ["groups", "user_permissions"]
    actions = ["deactivate_users"]

    def get_fields(self, request: HttpRequest, obj: User | None = None) -> tuple[str, ...]:
        return ADD_FIELDS if obj is None else self.fields

    def get_readonly_fields(self, request: HttpRequest, obj: User | None = None) -> tuple[str, ...]:
        return () if obj is None else self.readonly_fields

    def get_form(
        self, request: HttpRequest, obj: User | None = None, change: bool = False, **kwargs: Any
    ) -> type[ModelForm[User]]:
        if obj is None:
            kwargs["form"] = UserAddForm
        return super().get_form(request, obj, change=change, **kwargs)

    def has_delete_permission(self, request: HttpRequest, obj: User | None = None) -> bool:
        return False

    def save_form(self, request: HttpRequest, form: ModelForm[User], change: bool) -> User:
        if change:
            user: User = super().save_form(request, form, change)
            return user
        return user_create(
            email=form.cleaned_data["email"],
            name=form.cleaned_data["name"],
            is_staff=form.cleaned_data["is_staff"],
        )

    def save_model(
        self, request: HttpRequest, obj: User, form: ModelForm[User], change: bool
    ) -> None:
        if change:
            # The form has already set its values on obj; the service compares with the row.
            changed = {name: form.cleaned_data[name] for name in form.changed_data}
            data = {name: value for name, value in changed.items() if name in UPDATABLE_FIELDS}
            user_update(user=User.objects.get(pk=obj.pk), data=data)

    def save_related(
        self, request: HttpRequest, form: ModelForm[User], formsets: Any, change: bool
    ) -> None:
        if change:  # the add form has no groups or permissions to save
            super().save_related(request, form, formsets, change)

    @admin.action(description="Deactivate selected users", permissions=["change"])
    def deactivate_users(self, request: HttpRequest, queryset: QuerySet[User]) -> None:
        for user in queryset:
            user_deactivate(user=user)
        self.message_user(request, f"Deactivated {len(queryset)} user(s).", level=messages.SUCCESS)
