import random


def backoff_delay(*, base: float, attempt: int) -> float:
    """Seconds to wait after failed attempt number `attempt`: doubling from `base`, with jitter.

    The jitter (up to half again) spreads out retries that failed together.
    """
    delay = base * 2.0 ** (attempt - 1)
    return delay + random.uniform(0, delay / 2)
