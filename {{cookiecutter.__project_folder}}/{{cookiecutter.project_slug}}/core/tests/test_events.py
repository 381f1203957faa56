"""The event seam, whatever the bus: typed events, delivered only after commit."""

import re
from dataclasses import dataclass
from functools import partial
from typing import ClassVar

import pytest
from django.core.exceptions import ImproperlyConfigured
from pytest_django import DjangoCaptureOnCommitCallbacks

from {{ cookiecutter.project_slug }}.core.events import Event, publish
from {{ cookiecutter.project_slug }}.core.events.base import (
    event_restore,
    event_type_named,
    handlers_for,
)
from {{ cookiecutter.project_slug }}.core.observability.correlation import correlation_id_set
from {{ cookiecutter.project_slug }}.core.testing.events import ProbeHappened, deliver_events
from {{ cookiecutter.project_slug }}.core.testing.models import TaskProbe
from {{ cookiecutter.project_slug }}.core.testing.transactions import rolled_back

pytestmark = pytest.mark.django_db


def test_published_event_reaches_its_handler_once_after_commit(
    django_capture_on_commit_callbacks: DjangoCaptureOnCommitCallbacks,
    published_events: list[Event],
) -> None:
    event = ProbeHappened(key="committed")

    with django_capture_on_commit_callbacks(execute=True):
        publish(event)
        assert not TaskProbe.objects.exists()
    deliver_events()

    assert published_events == [event]
    assert TaskProbe.objects.filter(key="committed").count() == 1


def test_event_published_in_a_rolled_back_transaction_is_never_delivered(
    django_capture_on_commit_callbacks: DjangoCaptureOnCommitCallbacks,
) -> None:
    with django_capture_on_commit_callbacks(execute=True), rolled_back():
        publish(ProbeHappened(key="rolled-back"))
    deliver_events()

    assert not TaskProbe.objects.exists()


def test_event_carries_metadata_and_its_payload() -> None:
    with correlation_id_set("request-42"):
        event = ProbeHappened(key="k")

    assert (event.name, event.version) == ("core_testing.probe_happened", 1)
    assert event.correlation_id == "request-42"
    assert event.payload() == {"key": "k"}


def test_event_restore_rebuilds_the_event_and_refuses_an_undeclared_version() -> None:
    event = ProbeHappened(key="k")
    restore = partial(
        event_restore,
        name=event.name,
        event_id=event.event_id,
        occurred_at=event.occurred_at,
        correlation_id=event.correlation_id,
        payload=event.payload(),
    )

    assert restore(version=1) == event
    with pytest.raises(LookupError, match="v2 was published; v1 is declared"):
        restore(version=2)


def test_event_payload_must_be_json_primitives() -> None:
    with pytest.raises(TypeError, match=re.escape("core_testing.probe_happened got a object")):
        ProbeHappened(key=object())  # type: ignore[arg-type]


def test_event_needs_a_name_and_a_unique_one() -> None:
    with pytest.raises(ImproperlyConfigured, match="needs a name"):

        @dataclass(frozen=True, kw_only=True)
        class Nameless(Event):
            pass

    with pytest.raises(ImproperlyConfigured, match="is used twice"):

        @dataclass(frozen=True, kw_only=True)
        class Impostor(Event):
            name: ClassVar[str] = "core_testing.probe_happened"

    assert event_type_named("core_testing.probe_happened") is ProbeHappened


def test_handlers_are_registered_from_handlers_modules() -> None:
    paths = [
        f"{handler.__module__}.{handler.__qualname__}" for handler in handlers_for(ProbeHappened)
    ]

    assert paths == ["{{ cookiecutter.project_slug }}.core.testing.handlers.on_probe_happened"]
