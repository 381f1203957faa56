"""What went wrong with a provider call, sorted by what the caller should do about it."""

from typing import Any

import httpx

# Statuses that say "not now" rather than "never": timeouts, too early, rate limits.
TRANSIENT_STATUSES = frozenset({408, 425, 429})


class IntegrationError(Exception):
    """A call to a third-party provider did not succeed."""

    def __init__(self, message: str, *, provider: str, status_code: int | None = None) -> None:
        super().__init__(f"{provider}: {message}")
        self.provider = provider
        self.status_code = status_code

    def __reduce__(self) -> tuple[Any, ...]:
        # Picklable despite keyword-only arguments: task queues pass errors between processes.
        return (_restore, (type(self), self.args, dict(self.__dict__)))


class TransientIntegrationError(IntegrationError):
    """Worth trying again later: a timeout, a lost connection, a 5xx, a 429."""


class PermanentIntegrationError(IntegrationError):
    """The same call would fail the same way (a 4xx, a bad URL): record it, do not retry."""


class CircuitOpenError(IntegrationError):
    """Not attempted: the provider failed too often lately; try again after `retry_after`."""

    def __init__(self, message: str, *, provider: str, retry_after: float) -> None:
        super().__init__(message, provider=provider)
        self.retry_after = retry_after


def _restore(
    cls: type[IntegrationError], args: tuple[Any, ...], state: dict[str, Any]
) -> IntegrationError:
    error = cls.__new__(cls)
    error.args = args
    error.__dict__.update(state)
    return error


def error_for_response(provider: str, response: httpx.Response) -> IntegrationError | None:
    """The error a provider's answer amounts to, or None when it succeeded."""
    status = response.status_code
    if status < 400:
        return None
    message = f"{response.request.method} {response.request.url.path} answered {status}"
    if status >= 500 or status in TRANSIENT_STATUSES:
        return TransientIntegrationError(message, provider=provider, status_code=status)
    return PermanentIntegrationError(message, provider=provider, status_code=status)


def error_for_exception(provider: str, error: httpx.HTTPError) -> IntegrationError:
    """The error a failed exchange amounts to: the network's fault, or ours."""
    message = f"{type(error).__name__}: {error}"
    # A URL with no usable scheme, or a request httpx refuses to send, is a configuration
    # mistake that retrying cannot fix.
    if isinstance(error, httpx.UnsupportedProtocol | httpx.LocalProtocolError):
        return PermanentIntegrationError(message, provider=provider)
    if isinstance(error, httpx.TransportError):
        return TransientIntegrationError(message, provider=provider)
    return PermanentIntegrationError(message, provider=provider)
