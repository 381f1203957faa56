"""No event stream to check: EventBridge is an AWS API called per delivery, not a server.

Events for it wait in the outbox (the database, checked already) until the relay delivers them.
"""

from collections.abc import Callable

CHECKS: dict[str, Callable[[], None]] = {}
