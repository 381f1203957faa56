"""Where events go besides this project's handlers: nowhere else, in this project.

A destination is a publication target that the relay delivers by handing a batch of events
to its sender, rather than by calling a subscribed handler.
"""

from collections.abc import Callable

from {{ cookiecutter.project_slug }}.core.events.base import Event

# Each destination's target name, and what sends it a batch of events.
SENDERS: dict[str, Callable[[list[Event]], None]] = {}


def destinations_for(event: Event) -> list[str]:
    """The destinations `event` is owed besides its handlers: none."""
    return []
