from collections.abc import Iterable, Mapping
from typing import Any

from django.db import models


def model_update[M: models.Model](
    *, instance: M, fields: Iterable[str], data: Mapping[str, Any]
) -> tuple[M, bool]:
    """Set the listed fields that `data` changes, validate, and save only those columns.

    Returns the instance and whether anything changed. Fields missing from `data` are left
    alone, so a partial update cannot blank a field the caller did not mention.
    """
    changed = [
        field for field in fields if field in data and getattr(instance, field) != data[field]
    ]
    if not changed:
        return instance, False

    for field in changed:
        setattr(instance, field, data[field])
    instance.full_clean()
    update_fields = [*changed]
    if any(field.name == "updated_at" for field in instance._meta.get_fields()):
        update_fields.append("updated_at")
    instance.save(update_fields=update_fields)
    return instance, True
