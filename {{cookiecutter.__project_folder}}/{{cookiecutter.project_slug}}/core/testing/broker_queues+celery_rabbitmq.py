"""The broker's queues during a test, on RabbitMQ."""

import fcntl
import hashlib
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from django.conf import settings


@contextmanager
def broker_queues_held() -> Iterator[None]:
    """Have the broker's queues to this test alone, until it ends."""
    # Every test process on this machine (pytest-xdist's, another checkout's) uses the same
    # queues on RabbitMQ: a lock file per broker makes them take turns, so that no worker
    # takes another test's tasks.
    broker = hashlib.sha256(settings.CELERY_BROKER_URL.encode()).hexdigest()[:16]
    with open(Path(tempfile.gettempdir()) / f"celery-broker-{broker}.lock", "a") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)
