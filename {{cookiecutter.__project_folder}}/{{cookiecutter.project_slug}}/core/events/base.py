"""Events and their subscribers: what a module announces, and who listens."""

import dataclasses
import uuid
from collections import defaultdict
from collections.abc import Callable
from datetime import datetime
from typing import Any, ClassVar

from django.core.exceptions import ImproperlyConfigured
from django.dispatch import Signal
from django.utils import timezone

from {{ cookiecutter.project_slug }}.core.observability.correlation import current_correlation_id
from {{ cookiecutter.project_slug }}.core.primitives import require_json_primitive

METADATA_FIELDS = ("event_id", "occurred_at", "correlation_id")

type Handler = Callable[[Any], None]


@dataclasses.dataclass(frozen=True, kw_only=True)
class Event:
    """Something that happened in a module, told to whoever subscribed.

    Subclasses are frozen dataclasses with a namespaced `name` ("orders.order_placed"), a
    `version` to bump when the payload changes incompatibly, and payload fields that are JSON
    primitives (ids, strings, numbers, lists and dicts of them).
    """

    name: ClassVar[str]
    version: ClassVar[int] = 1

    event_id: uuid.UUID = dataclasses.field(default_factory=uuid.uuid4)
    occurred_at: datetime = dataclasses.field(default_factory=timezone.now)
    correlation_id: str = dataclasses.field(default_factory=current_correlation_id)

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        if "name" not in cls.__dict__:
            raise ImproperlyConfigured(
                f"{cls.__qualname__} needs a name, like 'orders.order_placed'"
            )
        known = _event_types.setdefault(cls.name, cls)
        if known.__qualname__ != cls.__qualname__ or known.__module__ != cls.__module__:
            raise ImproperlyConfigured(f"Event name {cls.name!r} is used twice")
        _event_types[cls.name] = cls

    def __post_init__(self) -> None:
        require_json_primitive(self.payload(), where=self.name)

    def payload(self) -> dict[str, Any]:
        return {
            field.name: getattr(self, field.name)
            for field in dataclasses.fields(self)
            if field.name not in METADATA_FIELDS
        }


# Sent by publish() with the event, before the transaction commits (tests capture it).
event_published = Signal()

_event_types: dict[str, type[Event]] = {}
_handlers: defaultdict[type[Event], list[Handler]] = defaultdict(list)


def subscribe[E: Event](
    event_type: type[E],
) -> Callable[[Callable[[E], None]], Callable[[E], None]]:
    """Register the decorated function to handle every `event_type` event (in handlers.py)."""

    def register(handler: Callable[[E], None]) -> Callable[[E], None]:
        if handler_path(handler) not in map(handler_path, _handlers[event_type]):
            _handlers[event_type].append(handler)
        return handler

    return register


def handler_path(handler: Handler) -> str:
    return f"{handler.__module__}.{handler.__qualname__}"


def handlers_for(event_type: type[Event]) -> list[Handler]:
    return list(_handlers[event_type])


def subscriptions() -> list[tuple[type[Event], Handler]]:
    """Every (event type, handler) pair subscribed so far."""
    return [
        (event_type, handler) for event_type, handlers in _handlers.items() for handler in handlers
    ]


def handler_named(path: str) -> Handler:
    for handlers in _handlers.values():
        for handler in handlers:
            if handler_path(handler) == path:
                return handler
    raise LookupError(f"No handler {path!r} is subscribed; was its module's handlers.py imported?")


def event_type_named(name: str) -> type[Event]:
    try:
        return _event_types[name]
    except KeyError:
        raise LookupError(f"No event is declared as {name!r}") from None


def event_restore(
    *,
    name: str,
    version: int,
    event_id: uuid.UUID,
    occurred_at: datetime,
    correlation_id: str,
    payload: dict[str, Any],
) -> Event:
    """The event as it was published, from what was kept of it; refuses an undeclared version."""
    event_type = event_type_named(name)
    if version != event_type.version:
        raise LookupError(f"{name} v{version} was published; v{event_type.version} is declared")
    return event_type(
        event_id=event_id, occurred_at=occurred_at, correlation_id=correlation_id, **payload
    )
