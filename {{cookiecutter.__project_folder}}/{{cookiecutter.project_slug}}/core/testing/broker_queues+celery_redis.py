"""The broker's queues during a test, on Redis."""

from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def broker_queues_held() -> Iterator[None]:
    """Have the broker's queues to this test alone, until it ends."""
    # They are this test process's own already: the test settings prefix its keys on Redis.
    yield
