"""The relay killed with SIGKILL again and again: nothing lost, no handler effect doubled."""

import random
import time
from contextlib import ExitStack
from functools import partial

import pytest
from django.db import transaction
from django.db.models import Count

from {{ cookiecutter.project_slug }}.core.events import outbox, publish
from {{ cookiecutter.project_slug }}.core.events.models import EventPublication, PublicationStatus
from {{ cookiecutter.project_slug }}.core.testing.events import ProbeHappened
from {{ cookiecutter.project_slug }}.core.testing.models import TaskProbe
from {{ cookiecutter.project_slug }}.core.testing.workers import (
    ProjectProcess,
    running_process,
    wait_until,
)

pytestmark = pytest.mark.django_db(transaction=True)

# Enough that five kills land before the relays finish.
EVENTS = 1000
KILLS = 5
RELAYS = KILLS + 1  # the last one is never killed

# Small batches, so that a kill lands in the middle of the work, not after it.
RELAY_COMMAND = ["manage.py", "run_event_relay", "--interval=0.05", "--batch-size=10"]


@pytest.fixture(autouse=True)
def delivered_only_by_the_relay_processes(monkeypatch: pytest.MonkeyPatch) -> None:
    """Keep this test's own process from delivering after commit: the relays under test do."""
    monkeypatch.setattr(outbox, "relay_wake", lambda: None)


def delivered() -> int:
    return EventPublication.objects.filter(status=PublicationStatus.COMPLETED).count()


def has_started(relay: ProjectProcess) -> bool:
    return "event_relay_started" in relay.output()


def working_relay(relays: list[ProjectProcess]) -> ProjectProcess | None:
    """A relay still running that has delivered: it holds the work until it is killed."""
    running = {relay.pid: relay for relay in relays if relay.is_running()}
    delivered_by = TaskProbe.objects.filter(process_id__in=running).values_list(
        "process_id", flat=True
    )
    return running.get(delivered_by.last() or 0)


def test_relay_killed_repeatedly_delivers_every_event_exactly_once() -> None:
    with ExitStack() as stack:
        relays = [stack.enter_context(running_process(RELAY_COMMAND)) for _ in range(RELAYS)]
        for relay in relays:
            wait_until(partial(has_started, relay), what="a relay to start")

        with transaction.atomic():
            for number in range(EVENTS):
                publish(ProbeHappened(key=f"crash-{number}"))

        for _ in range(KILLS):
            wait_until(lambda: working_relay(relays) is not None, what="a relay to deliver")
            working = working_relay(relays)
            assert working is not None
            time.sleep(random.uniform(0.01, 0.05))  # somewhere in the middle of a batch
            working.kill()
        assert delivered() < EVENTS, "the relays finished before five of them were killed"

        wait_until(lambda: delivered() == EVENTS, seconds=120, what="every event to be delivered")

    per_key = TaskProbe.objects.values("key").annotate(runs=Count("id"))
    assert per_key.count() == EVENTS  # none lost
    assert {row["runs"] for row in per_key} == {1}  # none doubled
