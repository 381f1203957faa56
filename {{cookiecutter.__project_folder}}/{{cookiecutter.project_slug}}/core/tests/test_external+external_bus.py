"""Which events leave the project (settings.EVENTS_EXTERNALIZED), and the shape they leave in."""

import pytest
from pytest_django import Settings

from {{ cookiecutter.project_slug }}.core.events import publish
from {{ cookiecutter.project_slug }}.core.events.models import EventPublication
from {{ cookiecutter.project_slug }}.core.events.outbox.destinations import (
    EXTERNAL_TARGET,
    event_from_message,
    event_to_message,
)
from {{ cookiecutter.project_slug }}.core.observability.correlation import correlation_id_set
from {{ cookiecutter.project_slug }}.core.testing.events import ProbeAnnounced, ProbeHappened


@pytest.mark.django_db
def test_only_events_named_in_the_setting_are_owed_to_the_broker(settings: Settings) -> None:
    settings.EVENTS_EXTERNALIZED = ["core_testing.probe_announced"]

    publish(ProbeAnnounced(key="leaves"))
    publish(ProbeHappened(key="stays"))

    external = EventPublication.objects.filter(target=EXTERNAL_TARGET)
    assert list(external.values_list("event__payload__key", flat=True)) == ["leaves"]


def test_event_round_trips_as_a_message() -> None:
    with correlation_id_set("request-42"):
        event = ProbeHappened(key="k")

    message = event_to_message(event)

    assert message["name"] == "core_testing.probe_happened"
    assert message["version"] == 1
    assert message["correlation_id"] == "request-42"
    assert message["payload"] == {"key": "k"}
    assert event_from_message(message) == event
