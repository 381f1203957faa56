from typing import Self

from django.db import models
from django.db.models import Q
from django.utils import timezone


class EventRecord(models.Model):
    """An event as published, kept until every publication of it is complete."""

    event_id = models.UUIDField(primary_key=True)
    name = models.CharField(max_length=100, db_index=True)
    version = models.PositiveSmallIntegerField()
    payload = models.JSONField()
    occurred_at = models.DateTimeField()
    correlation_id = models.CharField(max_length=64, blank=True)

    class Meta:
        ordering = ["occurred_at"]

    def __str__(self) -> str:
        return f"{self.name} {self.event_id}"


class PublicationStatus(models.TextChoices):
    PENDING = "pending", "Pending"
    COMPLETED = "completed", "Completed"
    FAILED = "failed", "Failed"


class EventPublicationQuerySet(models.QuerySet["EventPublication"]):
    def due(self) -> Self:
        return self.filter(status=PublicationStatus.PENDING, next_attempt_at__lte=timezone.now())

    def incomplete(self) -> Self:
        return self.exclude(status=PublicationStatus.COMPLETED)


class EventPublication(models.Model):
    """One event owed to one target: a subscribed handler, or the external broker."""

    event = models.ForeignKey(EventRecord, on_delete=models.CASCADE, related_name="publications")
    target = models.CharField(max_length=255)
    status = models.CharField(
        max_length=16, choices=PublicationStatus.choices, default=PublicationStatus.PENDING
    )
    attempts = models.PositiveIntegerField(default=0)
    next_attempt_at = models.DateTimeField(default=timezone.now)
    last_error = models.TextField(blank=True)
    completed_at = models.DateTimeField(null=True, blank=True)

    objects = EventPublicationQuerySet.as_manager()

    class Meta:
        ordering = ["next_attempt_at", "id"]
        constraints = [
            models.UniqueConstraint(fields=["event", "target"], name="core_events_one_per_target"),
        ]
        indexes = [
            models.Index(
                fields=["next_attempt_at"],
                condition=Q(status="pending"),
                name="core_events_pending_due",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.event_id} -> {self.target} ({self.status})"
