"""Event-bus helpers for tests: probe events (see handlers.py), and delivering events."""

from dataclasses import dataclass
from typing import ClassVar

from {{ cookiecutter.project_slug }}.core.events import Event
from {{ cookiecutter.project_slug }}.core.testing.delivery import deliver_events

__all__ = ["ProbeAnnounced", "ProbeHappened", "deliver_events"]


@dataclass(frozen=True, kw_only=True)
class ProbeHappened(Event):
    name: ClassVar[str] = "core_testing.probe_happened"

    # Deliveries of a probe whose key starts with "fail" raise.
    key: str


@dataclass(frozen=True, kw_only=True)
class ProbeAnnounced(Event):
    """A probe no handler subscribes to, for what the project sends beyond its handlers."""

    name: ClassVar[str] = "core_testing.probe_announced"

    key: str
