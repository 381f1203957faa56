"""Health probes: is the process up (liveness), and can it serve (readiness)?

Readiness runs one check per backing service the project was baked with (READINESS_CHECKS):
the database and the cache, then the task queue's broker (task_broker.py) and the event stream
(event_stream.py) where the project has them; a broker check gives up after
HEALTH_CHECK_TIMEOUT seconds. A failure is logged in full and reported by name only, so the
public response reveals no host names or credentials.
"""

import logging
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass

from django.core.cache import cache
from django.db import connection

from {{ cookiecutter.project_slug }}.core.health import event_stream, task_broker

logger = logging.getLogger(__name__)

type Check = Callable[[], None]


@dataclass(frozen=True, kw_only=True)
class CheckResult:
    name: str
    ok: bool
    duration_ms: float
    # The exception's class name; the message may hold addresses, so it goes to the log only.
    error: str = ""


def database_check() -> None:
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")


def cache_check() -> None:
    key = f"health-check:{uuid.uuid4().hex}"
    cache.set(key, "ok", timeout=30)
    try:
        if cache.get(key) != "ok":
            raise CacheRoundTripError("the cache did not return what was just stored")
    finally:
        cache.delete(key)


class CacheRoundTripError(Exception):
    """The cache accepted a value but did not give it back."""


# What readiness checks, by the name the response reports.
READINESS_CHECKS: dict[str, Check] = {
    "database": database_check,
    "cache": cache_check,
    **task_broker.CHECKS,
    **event_stream.CHECKS,
}


def check_run(name: str, check: Check) -> CheckResult:
    """Run one check; never raise, report."""
    started = time.perf_counter()
    try:
        check()
    except Exception as error:
        logger.warning("Health check %s failed", name, exc_info=True)
        return CheckResult(
            name=name,
            ok=False,
            duration_ms=_elapsed_ms(started),
            error=type(error).__name__,
        )
    return CheckResult(name=name, ok=True, duration_ms=_elapsed_ms(started))


def readiness() -> list[CheckResult]:
    """Every readiness check's result, in a fixed order."""
    return [check_run(name, check) for name, check in READINESS_CHECKS.items()]


def _elapsed_ms(started: float) -> float:
    return round((time.perf_counter() - started) * 1000, 1)
