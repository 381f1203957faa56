def deliver_events() -> None:
    """Nothing to do: in-process events are delivered when their transaction commits."""
