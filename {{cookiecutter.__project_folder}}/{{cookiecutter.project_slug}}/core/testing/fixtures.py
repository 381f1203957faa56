"""pytest fixtures shared by every module's tests (registered in the project's conftest.py)."""

from collections.abc import Iterator
from typing import Any

import pytest
from rest_framework.test import APIClient

from {{ cookiecutter.project_slug }}.core.events import Event
from {{ cookiecutter.project_slug }}.core.events.base import event_published
from {{ cookiecutter.project_slug }}.core.testing.provider import FakeProvider
from {{ cookiecutter.project_slug }}.core.testing.workers import process_launcher


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup: None) -> None:
    """pytest-django's test database, then this test process's launcher of project processes.

    The launcher sets Django up in a second or so; started now, it does so while the first
    tests run instead of inside the first test that starts a worker.
    """
    process_launcher()


@pytest.fixture
def api_client() -> APIClient:
    return APIClient()


@pytest.fixture
def published_events() -> Iterator[list[Event]]:
    """Every event published while the test runs, in order (delivered or not)."""
    events: list[Event] = []

    def record(sender: type[Event], event: Event, **kwargs: Any) -> None:
        events.append(event)

    event_published.connect(record, weak=False)
    yield events
    event_published.disconnect(record)


@pytest.fixture
def fake_provider() -> Iterator[FakeProvider]:
    """A local HTTP server standing in for a third-party provider (core.testing.provider)."""
    provider = FakeProvider()
    provider.start()
    yield provider
    provider.stop()
