"""Without a task queue the relay is its own process (`manage.py run_event_relay`), polling."""


def relay_wake() -> None:
    """Nothing to wake: a relay process finds new publications on its next poll."""
