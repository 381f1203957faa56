"""No task broker to check: the database is the task queue, and readiness checks it already."""

from collections.abc import Callable

CHECKS: dict[str, Callable[[], None]] = {}
