"""Event-bus helpers for tests: a probe event (see handlers.py), and delivering events."""

from dataclasses import dataclass
from typing import ClassVar

from {{ cookiecutter.project_slug }}.core.events import Event
{%- if cookiecutter.event_bus != "inprocess" %}
from {{ cookiecutter.project_slug }}.core.events.outbox import publications_relay
{%- endif %}


@dataclass(frozen=True, kw_only=True)
class ProbeHappened(Event):
    name: ClassVar[str] = "core_testing.probe_happened"

    # Deliveries of a probe whose key starts with "fail" raise.
    key: str


@dataclass(frozen=True, kw_only=True)
class ProbeAnnounced(Event):
    """A probe with no handler here, sent to the external broker when the project has one."""

    name: ClassVar[str] = "core_testing.probe_announced"
    externalized: ClassVar[bool] = True

    key: str


def deliver_events() -> None:
    """Deliver what has been published and committed, as the relay would in production."""
{%- if cookiecutter.event_bus == "inprocess" %}
    # In-process events are delivered when their transaction commits: nothing is pending.
{%- else %}
    publications_relay()
{%- endif %}
