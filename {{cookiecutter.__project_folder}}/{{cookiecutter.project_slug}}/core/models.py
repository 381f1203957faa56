import uuid

from django.db import models


class BaseModel(models.Model):
    """Timestamps, and a public id to expose instead of the sequential primary key."""

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        abstract = True
