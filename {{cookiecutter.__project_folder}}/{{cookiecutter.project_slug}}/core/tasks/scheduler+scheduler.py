"""Enqueue periodic tasks when they fall due; `manage.py run_scheduler` calls this in a loop.

Time is cut into slots of each task's period (every 5 minutes: 10:00, 10:05, ...). The first
scheduler to claim a slot in the shared cache enqueues the task; any other scheduler, or the
same one after a restart, finds the slot taken. So running two schedulers, or restarting
one, never doubles a run.
"""

from datetime import datetime

from django.core.cache import cache

from {{ cookiecutter.project_slug }}.core.tasks import enqueue_on_commit, registry


def periodic_tasks_enqueue_due(*, now: datetime) -> list[str]:
    """Enqueue every periodic task whose current slot nobody has claimed; return their names."""
    enqueued = []
    for definition in registry.periodic():
        assert definition.every is not None
        period = definition.every.total_seconds()
        slot = int(now.timestamp() // period)
        claim = f"core.tasks.scheduler:{definition.name}:{slot}"
        if cache.add(claim, now.isoformat(), timeout=int(period * 2) + 1):
            enqueue_on_commit(definition.name)
            enqueued.append(definition.name)
    return enqueued
