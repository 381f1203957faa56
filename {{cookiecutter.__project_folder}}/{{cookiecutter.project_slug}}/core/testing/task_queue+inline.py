"""How tests drive this project's tasks: there is no queue, and no worker to start."""

from collections.abc import Iterator
from contextlib import contextmanager

# Modules the process launcher imports before it forks, and the environment it runs in.
LAUNCHER_PRELOADS: list[str] = []
LAUNCHER_ENVIRONMENT: dict[str, str] = {}


@contextmanager
def tasks_queued() -> Iterator[None]:
    """No queue in this project: tasks run in-process after commit, whatever the test does."""
    yield
