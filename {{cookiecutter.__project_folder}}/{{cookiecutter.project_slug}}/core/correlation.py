"""The correlation id of the work in progress: one request, and everything it causes.

Events carry it, and the relay restores it while a handler runs, so that events published
by handlers share the id of the request that started the chain.
"""

import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

_current: ContextVar[str | None] = ContextVar("correlation_id", default=None)


def current_correlation_id() -> str:
    """The id of the work in progress, or a new one when nothing set it."""
    return _current.get() or uuid.uuid4().hex


@contextmanager
def correlation_id_set(correlation_id: str) -> Iterator[None]:
    token = _current.set(correlation_id)
    try:
        yield
    finally:
        _current.reset(token)
