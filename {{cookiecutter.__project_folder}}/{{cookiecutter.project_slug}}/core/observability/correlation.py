"""The correlation id of the work in progress: one request, and everything it causes.

The request id middleware sets it from X-Request-ID. Events carry it, and the relay restores
it while a handler runs, so that events published by handlers share the id of the request
that started the chain; tasks carry it the same way (core.tasks), and every log line names it.
"""

import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

_current: ContextVar[str | None] = ContextVar("correlation_id", default=None)


def current_correlation_id() -> str:
    """The id of the work in progress, or a new one when nothing set it."""
    return _current.get() or uuid.uuid4().hex


def correlation_id_or_none() -> str | None:
    """The id of the work in progress, or None outside any (for log lines)."""
    return _current.get()


@contextmanager
def correlation_id_set(correlation_id: str) -> Iterator[None]:
    token = _current.set(correlation_id)
    try:
        yield
    finally:
        _current.reset(token)
