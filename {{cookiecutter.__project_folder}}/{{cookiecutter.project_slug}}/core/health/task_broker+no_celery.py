"""No task broker to check: the task queue is the database, which readiness checks already,
or there is none."""

from collections.abc import Callable

CHECKS: dict[str, Callable[[], None]] = {}
