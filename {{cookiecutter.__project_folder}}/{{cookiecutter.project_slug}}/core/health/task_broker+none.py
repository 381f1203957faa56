"""No task broker to check: tasks run in the web process, once the transaction commits."""

from collections.abc import Callable

CHECKS: dict[str, Callable[[], None]] = {}
