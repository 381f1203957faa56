"""The relay killed with SIGKILL again and again: nothing lost, no handler effect doubled."""

import random
import signal
import sys
import time
from functools import partial

import pytest
from django.db import transaction
from django.db.models import Count

from {{ cookiecutter.project_slug }}.core.events import outbox, publish
from {{ cookiecutter.project_slug }}.core.events.models import EventPublication, PublicationStatus
from {{ cookiecutter.project_slug }}.core.testing.events import ProbeHappened
from {{ cookiecutter.project_slug }}.core.testing.models import TaskProbe
from {{ cookiecutter.project_slug }}.core.testing.workers import running_process, wait_until

pytestmark = pytest.mark.django_db(transaction=True)

# Enough that five kills land before the relay finishes, however fast it gets.
EVENTS = 3000
KILLS = 5


# Small batches, so that a kill lands in the middle of the work, not after it.
RELAY_COMMAND = [
    sys.executable,
    "manage.py",
    "run_event_relay",
    "--interval=0.05",
    "--batch-size=10",
]


@pytest.fixture(autouse=True)
def delivered_only_by_the_relay_process(monkeypatch: pytest.MonkeyPatch) -> None:
    """Keep this test's own process from delivering after commit: the relay under test does."""
    monkeypatch.setattr(outbox, "relay_wake", lambda: None, raising=False)


def delivered() -> int:
    return EventPublication.objects.filter(status=PublicationStatus.COMPLETED).count()


def delivered_since(before: int) -> bool:
    return delivered() > before or delivered() == EVENTS


def test_relay_killed_repeatedly_delivers_every_event_exactly_once() -> None:
    with transaction.atomic():
        for number in range(EVENTS):
            publish(ProbeHappened(key=f"crash-{number}"))

    for _ in range(KILLS):
        with running_process(RELAY_COMMAND) as relay:
            wait_until(partial(delivered_since, delivered()), what="the relay to deliver")
            time.sleep(random.uniform(0.01, 0.05))  # somewhere in the middle of a batch
            relay.send_signal(signal.SIGKILL)
            relay.wait()
    assert delivered() < EVENTS, "the relay finished before it was killed five times"

    with running_process(RELAY_COMMAND):
        wait_until(lambda: delivered() == EVENTS, seconds=120, what="every event to be delivered")

    per_key = TaskProbe.objects.values("key").annotate(runs=Count("id"))
    assert per_key.count() == EVENTS  # none lost
    assert {row["runs"] for row in per_key} == {1}  # none doubled
