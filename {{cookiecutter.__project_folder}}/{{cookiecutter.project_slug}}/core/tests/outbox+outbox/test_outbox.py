"""The transactional outbox: recorded with the data, delivered by the relay, retried, parked."""

from datetime import timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone
from pytest_django import Settings

from {{ cookiecutter.project_slug }}.core.events import publish
from {{ cookiecutter.project_slug }}.core.events.models import (
    EventPublication,
    EventRecord,
    PublicationStatus,
)
from {{ cookiecutter.project_slug }}.core.events.outbox import publications_prune
from {{ cookiecutter.project_slug }}.core.events.outbox.relay import publications_relay
from {{ cookiecutter.project_slug }}.core.testing.events import ProbeHappened
from {{ cookiecutter.project_slug }}.core.testing.models import TaskProbe
from {{ cookiecutter.project_slug }}.core.testing.transactions import rolled_back

pytestmark = pytest.mark.django_db

HANDLER = "{{ cookiecutter.project_slug }}.core.testing.handlers.on_probe_happened"


def publication() -> EventPublication:
    return EventPublication.objects.get(target=HANDLER)


def make_due() -> None:
    """Skip the back-off: every pending publication is due now."""
    EventPublication.objects.update(next_attempt_at=timezone.now() - timedelta(seconds=1))


def test_publish_records_the_event_and_one_publication_per_handler_in_the_transaction() -> None:
    with rolled_back():
        publish(ProbeHappened(key="gone"))
    event = ProbeHappened(key="kept")
    publish(event)

    record = EventRecord.objects.get()
    assert (record.event_id, record.name, record.payload) == (
        event.event_id,
        "core_testing.probe_happened",
        {"key": "kept"},
    )
    assert publication().status == PublicationStatus.PENDING


def test_relay_delivers_each_publication_once_and_marks_it_completed() -> None:
    for number in range(3):
        publish(ProbeHappened(key=f"probe-{number}"))

    assert publications_relay() >= 3
    assert publications_relay() == 0

    assert TaskProbe.objects.count() == 3
    completed = EventPublication.objects.filter(target=HANDLER, status=PublicationStatus.COMPLETED)
    assert completed.count() == 3
    assert all(p.attempts == 1 and p.completed_at for p in completed)


def test_failing_handler_is_retried_with_back_off_then_parked_as_failed(settings: Settings) -> None:
    settings.EVENTS_MAX_ATTEMPTS = 3
    publish(ProbeHappened(key="fail-always"))

    publications_relay()
    first = publication()
    assert (first.status, first.attempts) == (PublicationStatus.PENDING, 1)
    assert first.next_attempt_at > timezone.now()  # backing off
    assert publications_relay() == 0  # not due yet

    for _ in range(2):
        make_due()
        publications_relay()

    parked = publication()
    assert (parked.status, parked.attempts) == (PublicationStatus.FAILED, 3)
    assert "ProbeFailure: fail-always" in parked.last_error
    # Each failed attempt's writes were rolled back with the handler's savepoint.
    assert not TaskProbe.objects.exists()


def test_event_publications_command_lists_and_resubmits_parked_publications(
    settings: Settings, capsys: pytest.CaptureFixture[str]
) -> None:
    settings.EVENTS_MAX_ATTEMPTS = 1
    publish(ProbeHappened(key="fail-once"))
    publications_relay()

    call_command("event_publications")
    listing = capsys.readouterr().out
    assert "failed" in listing
    assert HANDLER in listing
    assert "ProbeFailure: fail-once" in listing

    call_command("event_publications", "--resubmit")
    assert "Resubmitted 1 publication(s)." in capsys.readouterr().out
    resubmitted = publication()
    assert (resubmitted.status, resubmitted.attempts) == (PublicationStatus.PENDING, 0)


def test_event_publications_command_says_when_all_is_delivered(
    capsys: pytest.CaptureFixture[str],
) -> None:
    call_command("event_publications")

    assert capsys.readouterr().out.strip() == "No incomplete publications."


def test_prune_forgets_old_completed_publications_and_keeps_the_rest() -> None:
    publish(ProbeHappened(key="old"))
    publish(ProbeHappened(key="fail-still"))
    publications_relay()
    EventRecord.objects.update(occurred_at=timezone.now() - timedelta(days=30))
    EventPublication.objects.update(completed_at=timezone.now() - timedelta(days=30))

    publications_prune(older_than=timedelta(days=7))

    assert list(EventRecord.objects.values_list("payload__key", flat=True)) == ["fail-still"]
    assert not EventPublication.objects.filter(status=PublicationStatus.COMPLETED).exists()
