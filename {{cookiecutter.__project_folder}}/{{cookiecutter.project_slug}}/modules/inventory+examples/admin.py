from typing import Any

from django.contrib import admin
from django.forms import ModelForm
from django.http import HttpRequest

from {{ cookiecutter.project_slug }}.core.admin import ReadOnlyTabularInline
from {{ cookiecutter.project_slug }}.modules.inventory.models import StockItem, StockMovement
from {{ cookiecutter.project_slug }}.modules.inventory.selectors import stock_item_get
from {{ cookiecutter.project_slug }}.modules.inventory.services import (
    stock_item_create,
    stock_item_rename,
)


class StockMovementInline(ReadOnlyTabularInline):
    model = StockMovement
    fields = ["created_at", "kind", "quantity", "reference"]


@admin.register(StockItem)
class StockItemAdmin(admin.ModelAdmin[StockItem]):
    """Quantities change only through services (receipts, reservations), never by hand."""

    list_display = ["sku", "name", "quantity_on_hand", "quantity_reserved", "updated_at"]
    search_fields = ["sku", "name"]
    readonly_fields = ["quantity_on_hand", "quantity_reserved", "created_at", "updated_at"]
    inlines = [StockMovementInline]

    def get_readonly_fields(self, request: HttpRequest, obj: StockItem | None = None) -> Any:
        # The SKU is an identity other modules store: set once, never edited.
        if obj is not None:
            return [*self.readonly_fields, "sku"]
        return self.readonly_fields

    def save_model(
        self, request: HttpRequest, obj: StockItem, form: ModelForm[StockItem], change: bool
    ) -> None:
        # The form has validated the fields; the services apply the business rules and write.
        if change:
            stock_item_rename(item=stock_item_get(sku=obj.sku), name=obj.name)
        else:
            obj.pk = stock_item_create(sku=obj.sku, name=obj.name).pk
