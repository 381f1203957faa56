"""Delivering events in tests, in-process: nothing to do, commit delivers them."""


def deliver_events() -> None:
    """Nothing to do: in-process events are delivered when their transaction commits."""
