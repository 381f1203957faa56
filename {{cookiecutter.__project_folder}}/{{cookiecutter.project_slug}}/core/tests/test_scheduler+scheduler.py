from datetime import UTC, datetime, timedelta

import pytest
from django.core.management import call_command
from pytest_django import DjangoCaptureOnCommitCallbacks

from {{ cookiecutter.project_slug }}.core.tasks import registry, scheduler
from {{ cookiecutter.project_slug }}.core.tasks.scheduler import periodic_tasks_enqueue_due
from {{ cookiecutter.project_slug }}.core.testing.models import TaskProbe

pytestmark = pytest.mark.django_db

NOON = datetime(2030, 1, 1, 12, 0, tzinfo=UTC)


@pytest.fixture
def ran(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Record which periodic tasks the scheduler enqueues, instead of running them."""
    names: list[str] = []
    monkeypatch.setattr(scheduler, "enqueue_on_commit", names.append)
    return names


def test_scheduler_enqueues_every_periodic_task_once_per_slot(ran: list[str]) -> None:
    everything = sorted(definition.name for definition in registry.periodic())

    first = periodic_tasks_enqueue_due(now=NOON)
    again = periodic_tasks_enqueue_due(now=NOON + timedelta(seconds=1))

    assert sorted(first) == everything
    assert again == []
    assert sorted(ran) == everything


def test_scheduler_enqueues_again_in_the_next_slot(ran: list[str]) -> None:
    periodic_tasks_enqueue_due(now=NOON)
    later = periodic_tasks_enqueue_due(now=NOON + timedelta(minutes=1))

    assert "core_testing.tick" in later  # declared every minute


def test_run_scheduler_once_reports_what_it_enqueued(
    ran: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    call_command("run_scheduler", "--once")

    assert capsys.readouterr().out.splitlines() == [f"enqueued {name}" for name in ran]
    assert ran


def test_run_scheduler_runs_the_due_tasks_through_the_queue(
    django_capture_on_commit_callbacks: DjangoCaptureOnCommitCallbacks,
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        call_command("run_scheduler", "--once")

    assert TaskProbe.objects.filter(key="tick").count() == 1
