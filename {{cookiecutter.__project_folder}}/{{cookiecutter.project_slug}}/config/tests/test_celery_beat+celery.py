from {{ cookiecutter.project_slug }}.config.celery import app, schedule_periodic_tasks
from {{ cookiecutter.project_slug }}.core.tasks import registry


def test_beat_schedule_holds_every_periodic_task_at_its_interval() -> None:
    schedule_periodic_tasks(app)

    schedule = app.conf.beat_schedule
    for definition in registry.periodic():
        assert definition.every is not None
        entry = schedule[definition.name]
        assert entry["task"] == definition.name
        assert entry["schedule"] == definition.every.total_seconds()
