from django.contrib import admin, messages
from django.http import HttpRequest

from {{ cookiecutter.project_slug }}.core.events.models import (
    EventPublication,
    EventPublicationQuerySet,
)
from {{ cookiecutter.project_slug }}.core.events.outbox import publications_resubmit


@admin.register(EventPublication)
class EventPublicationAdmin(admin.ModelAdmin[EventPublication]):
    """Read-only: the relay writes publications; staff may only resubmit them."""

    list_display = ["event", "target", "status", "attempts", "next_attempt_at", "completed_at"]
    list_filter = ["status", "target"]
    search_fields = ["event__event_id", "event__name"]
    list_select_related = ["event"]
    readonly_fields = [field.name for field in EventPublication._meta.fields]
    actions = ["resubmit"]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_delete_permission(
        self, request: HttpRequest, obj: EventPublication | None = None
    ) -> bool:
        return False

    @admin.action(description="Resubmit selected incomplete publications", permissions=["change"])
    def resubmit(self, request: HttpRequest, queryset: EventPublicationQuerySet) -> None:
        count = publications_resubmit(publications=queryset)
        self.message_user(request, f"Resubmitted {count} publication(s).", level=messages.SUCCESS)
