"""The task queue runs the relay: woken once per burst of events, and again once it starts."""

import pytest
from pytest_django import DjangoCaptureOnCommitCallbacks

from {{ cookiecutter.project_slug }}.core.events import publish
from {{ cookiecutter.project_slug }}.core.events.outbox import wake
from {{ cookiecutter.project_slug }}.core.testing.events import ProbeHappened

pytestmark = pytest.mark.django_db


def test_a_burst_of_events_wakes_the_relay_once(
    monkeypatch: pytest.MonkeyPatch,
    django_capture_on_commit_callbacks: DjangoCaptureOnCommitCallbacks,
) -> None:
    woken: list[str] = []
    monkeypatch.setattr(wake, "enqueue_on_commit", woken.append)

    with django_capture_on_commit_callbacks(execute=True):
        for number in range(50):
            publish(ProbeHappened(key=f"burst-{number}"))
    with django_capture_on_commit_callbacks(execute=True):
        publish(ProbeHappened(key="after-the-burst"))

    assert woken == ["core_events.relay"]
    wake.publications_relay_woken()  # the relay starts: the next event wakes it again
    with django_capture_on_commit_callbacks(execute=True):
        publish(ProbeHappened(key="later"))

    assert woken == ["core_events.relay", "core_events.relay"]
