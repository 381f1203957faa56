from typing import Any

from django.contrib import admin
from django.http import HttpRequest


class ReadOnlyTabularInline(admin.TabularInline[Any, Any]):
    """Shows related rows that only services write: no adding, editing or deleting here."""

    extra = 0
    can_delete = False

    def get_readonly_fields(self, request: HttpRequest, obj: Any = None) -> Any:
        return self.get_fields(request, obj)

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False
