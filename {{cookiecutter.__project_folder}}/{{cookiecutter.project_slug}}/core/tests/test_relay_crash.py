"""The relay killed with SIGKILL again and again: nothing lost, no handler effect doubled."""

import os
import random
import re
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

# Enough that five kills land before the relays finish.
EVENTS = 1000
KILLS = 5
RELAYS = KILLS + 1  # the last one is never killed

# Relays forked from one process that set Django up, so that they start at once. Small batches,
# so that a kill lands in the middle of the work, not after it.
RELAYS_COMMAND = [
    sys.executable,
    "manage.py",
    "forked",
    f"--processes={RELAYS}",
    "run_event_relay",
    "--interval=0.05",
    "--batch-size=10",
]


@pytest.fixture(autouse=True)
def delivered_only_by_the_relay_processes(monkeypatch: pytest.MonkeyPatch) -> None:
    """Keep this test's own process from delivering after commit: the relays under test do."""
    monkeypatch.setattr(outbox, "relay_wake", lambda: None, raising=False)


def delivered() -> int:
    return EventPublication.objects.filter(status=PublicationStatus.COMPLETED).count()


def is_alive(process_id: int) -> bool:
    try:
        os.kill(process_id, 0)
    except ProcessLookupError:
        return False
    return True


def is_dead(process_id: int) -> bool:
    return not is_alive(process_id)


def relays_started(output: str) -> bool:
    return output.count("event_relay_started") == RELAYS and "forked " in output


def relay_ids(output: str) -> list[int]:
    line = re.search(r"^forked ([\d ]+)$", output, re.MULTILINE)
    assert line, output
    return [int(process_id) for process_id in line.group(1).split()]


def working_relay(relays: list[int]) -> int | None:
    """A relay still alive that has delivered: it holds the work until it is killed."""
    alive = [relay for relay in relays if is_alive(relay)]
    delivered_by = TaskProbe.objects.filter(process_id__in=alive).values_list(
        "process_id", flat=True
    )
    return delivered_by.last()


def test_relay_killed_repeatedly_delivers_every_event_exactly_once() -> None:
    with running_process(RELAYS_COMMAND) as parent:
        wait_until(lambda: relays_started(parent.output()), what="every relay to start")
        relays = relay_ids(parent.output())

        with transaction.atomic():
            for number in range(EVENTS):
                publish(ProbeHappened(key=f"crash-{number}"))

        for _ in range(KILLS):
            wait_until(lambda: working_relay(relays) is not None, what="a relay to deliver")
            working = working_relay(relays)
            assert working is not None
            time.sleep(random.uniform(0.01, 0.05))  # somewhere in the middle of a batch
            os.kill(working, signal.SIGKILL)
            wait_until(partial(is_dead, working), what="the killed relay to be gone")
        assert delivered() < EVENTS, "the relays finished before five of them were killed"

        wait_until(lambda: delivered() == EVENTS, seconds=120, what="every event to be delivered")

    per_key = TaskProbe.objects.values("key").annotate(runs=Count("id"))
    assert per_key.count() == EVENTS  # none lost
    assert {row["runs"] for row in per_key} == {1}  # none doubled
