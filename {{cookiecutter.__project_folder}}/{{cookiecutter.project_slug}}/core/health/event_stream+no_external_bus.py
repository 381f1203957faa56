"""No event stream to check: events stay inside the project (the outbox, or in-process)."""

from collections.abc import Callable

CHECKS: dict[str, Callable[[], None]] = {}
