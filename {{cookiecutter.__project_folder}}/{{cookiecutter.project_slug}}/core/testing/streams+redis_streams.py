import time
from typing import Any


def hang(message: dict[str, Any]) -> None:
    """A stream handler that never returns: its consumer dies with messages pending."""
    time.sleep(600)
