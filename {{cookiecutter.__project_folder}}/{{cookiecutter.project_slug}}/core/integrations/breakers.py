"""One circuit breaker per provider (pybreaker), its state kept in Django's cache.

The cache is shared by every web and worker process, so once a provider's circuit opens,
every process fails fast instead of each discovering the outage on its own. With the
database cache the counters are read-modify-write, not atomic: under concurrent failures
the circuit may open a call or two later than the threshold, which is harmless.
"""

from datetime import UTC, datetime

from django.core.cache import cache
from pybreaker import STATE_CLOSED, CircuitBreaker, CircuitBreakerStorage

from {{ cookiecutter.project_slug }}.core.integrations.errors import PermanentIntegrationError


class CacheCircuitStorage(CircuitBreakerStorage):
    """pybreaker's storage interface on django.core.cache: state, counters, opening time."""

    def __init__(self, name: str) -> None:
        super().__init__(name)
        self._prefix = f"core.integrations.circuit:{name}:"

    def _key(self, field: str) -> str:
        return self._prefix + field

    def _increment(self, field: str) -> None:
        key = self._key(field)
        # timeout=None: circuit state must not expire while the provider is still down.
        cache.add(key, 0, timeout=None)
        try:
            cache.incr(key)
        except ValueError:  # evicted between add and incr
            cache.set(key, 1, timeout=None)

    @property
    def state(self) -> str:
        state: str = cache.get(self._key("state"), STATE_CLOSED)
        return state

    @state.setter
    def state(self, state: str) -> None:
        cache.set(self._key("state"), state, timeout=None)

    def increment_counter(self) -> None:
        self._increment("failures")

    def reset_counter(self) -> None:
        cache.set(self._key("failures"), 0, timeout=None)

    def increment_success_counter(self) -> None:
        self._increment("successes")

    def reset_success_counter(self) -> None:
        cache.set(self._key("successes"), 0, timeout=None)

    @property
    def counter(self) -> int:
        return int(cache.get(self._key("failures"), 0))

    @property
    def success_counter(self) -> int:
        return int(cache.get(self._key("successes"), 0))

    @property
    def opened_at(self) -> datetime | None:
        timestamp: float | None = cache.get(self._key("opened_at"))
        return None if timestamp is None else datetime.fromtimestamp(timestamp, tz=UTC)

    @opened_at.setter
    def opened_at(self, moment: datetime) -> None:
        cache.set(self._key("opened_at"), moment.timestamp(), timeout=None)

    def clear(self) -> None:
        cache.delete_many(
            [self._key(field) for field in ("state", "failures", "successes", "opened_at")]
        )


def circuit_breaker(
    provider: str, *, failure_threshold: int, reset_timeout: float
) -> CircuitBreaker:
    """The provider's breaker: opens after `failure_threshold` transient failures in a row,
    fails fast while open, and lets one trial call through after `reset_timeout` seconds.

    Permanent errors (a 4xx) prove the provider is up, so they do not count as failures.
    """
    return CircuitBreaker(
        fail_max=failure_threshold,
        reset_timeout=reset_timeout,
        exclude=[PermanentIntegrationError],
        state_storage=CacheCircuitStorage(provider),
        name=provider,
        # The call that trips the circuit raises its own error, not pybreaker's.
        throw_new_error_on_trip=False,
    )


def circuit_state(provider: str) -> str:
    """The provider's circuit, "closed", "open" or "half-open", as every process sees it."""
    return CacheCircuitStorage(provider).state


def circuit_reset(provider: str) -> None:
    """Forget the provider's failures and close its circuit (tests, or after a known fix)."""
    CacheCircuitStorage(provider).clear()
