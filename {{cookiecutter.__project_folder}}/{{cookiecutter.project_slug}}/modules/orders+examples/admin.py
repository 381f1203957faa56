from django.contrib import admin, messages
from django.db.models import QuerySet
from django.http import HttpRequest

from {{ cookiecutter.project_slug }}.core.admin import ReadOnlyTabularInline
from {{ cookiecutter.project_slug }}.modules.orders.exceptions import OrderError
from {{ cookiecutter.project_slug }}.modules.orders.models import (
    FulfilmentNotification,
    Order,
    OrderLine,
)
from {{ cookiecutter.project_slug }}.modules.orders.services import order_cancel


class OrderLineInline(ReadOnlyTabularInline):
    model = OrderLine
    fields = ["sku", "quantity", "unit_price"]


@admin.register(Order)
class OrderAdmin(admin.ModelAdmin[Order]):
    """Orders are placed through the API; staff may look and cancel, never edit by hand."""

    list_display = ["public_id", "customer", "status", "created_at", "cancelled_at"]
    list_filter = ["status"]
    list_select_related = ["customer"]
    readonly_fields = ("public_id", "customer", "status", "created_at", "cancelled_at")
    fields = readonly_fields
    inlines = [OrderLineInline]
    actions = ["cancel_orders"]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Order | None = None) -> bool:
        return False

    @admin.action(description="Cancel selected orders", permissions=["change"])
    def cancel_orders(self, request: HttpRequest, queryset: QuerySet[Order]) -> None:
        cancelled = 0
        for order in queryset:
            try:
                order_cancel(order=order)
            except OrderError as error:
                self.message_user(request, f"{order}: {error.message}", level=messages.WARNING)
            else:
                cancelled += 1
        self.message_user(request, f"Cancelled {cancelled} order(s).", level=messages.SUCCESS)


@admin.register(FulfilmentNotification)
class FulfilmentNotificationAdmin(admin.ModelAdmin[FulfilmentNotification]):
    """What the fulfilment provider was told, and why a failed notification failed."""

    list_display = ["order", "status", "attempts", "due_at", "sent_at", "last_error"]
    list_filter = ["status"]
    list_select_related = ["order"]
    readonly_fields = (
        "public_id",
        "order",
        "status",
        "attempts",
        "last_error",
        "due_at",
        "sent_at",
        "provider_reference",
    )
    fields = readonly_fields

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_delete_permission(
        self, request: HttpRequest, obj: FulfilmentNotification | None = None
    ) -> bool:
        return False
