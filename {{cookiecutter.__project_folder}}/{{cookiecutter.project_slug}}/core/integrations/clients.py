"""HTTP clients for providers: timeouts always set, errors classified, circuit respected."""

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

import httpx
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from pybreaker import CircuitBreakerError

from {{ cookiecutter.project_slug }}.core.integrations.breakers import (
    CacheCircuitStorage,
    circuit_breaker,
)
from {{ cookiecutter.project_slug }}.core.integrations.errors import (
    CircuitOpenError,
    error_for_exception,
    error_for_response,
)


@dataclass(frozen=True, kw_only=True)
class ProviderSettings:
    name: str
    base_url: str
    api_key: str
    connect_timeout: float
    read_timeout: float
    failure_threshold: int
    reset_timeout: float


def provider_settings(provider: str) -> ProviderSettings:
    """The provider's entry in settings.INTEGRATIONS; refuse one that is missing or has no URL."""
    try:
        entry: Mapping[str, Any] = settings.INTEGRATIONS[provider]
    except KeyError:
        raise ImproperlyConfigured(f"settings.INTEGRATIONS has no {provider!r} entry") from None
    if not entry.get("BASE_URL"):
        raise ImproperlyConfigured(f"settings.INTEGRATIONS[{provider!r}]['BASE_URL'] is empty")
    return ProviderSettings(
        name=provider,
        base_url=str(entry["BASE_URL"]),
        api_key=str(entry.get("API_KEY", "")),
        connect_timeout=float(entry.get("CONNECT_TIMEOUT", 3.0)),
        read_timeout=float(entry.get("READ_TIMEOUT", 10.0)),
        failure_threshold=int(entry.get("FAILURE_THRESHOLD", 5)),
        reset_timeout=float(entry.get("RESET_TIMEOUT", 60.0)),
    )


def http_client(provider: ProviderSettings) -> httpx.Client:
    """An httpx client for the provider that never waits without a limit."""
    headers = {"Authorization": f"Bearer {provider.api_key}"} if provider.api_key else {}
    return httpx.Client(
        base_url=provider.base_url,
        headers=headers,
        timeout=httpx.Timeout(
            provider.read_timeout,
            connect=provider.connect_timeout,
            pool=provider.connect_timeout,
        ),
        follow_redirects=False,
    )


def provider_request(
    provider: str,
    method: str,
    path: str,
    *,
    json: Any = None,
    headers: Mapping[str, str] | None = None,
) -> httpx.Response:
    """Call the provider through its circuit breaker; a failure raises an IntegrationError.

    TransientIntegrationError: retry later. PermanentIntegrationError: do not retry.
    CircuitOpenError: nothing was sent; retry after its `retry_after` seconds.
    """
    config = provider_settings(provider)
    breaker = circuit_breaker(
        provider,
        failure_threshold=config.failure_threshold,
        reset_timeout=config.reset_timeout,
    )

    def send() -> httpx.Response:
        with http_client(config) as client:
            try:
                response = client.request(method, path, json=json, headers=headers)
            except httpx.HTTPError as error:
                raise error_for_exception(provider, error) from error
        failure = error_for_response(provider, response)
        if failure is not None:
            raise failure
        return response

    try:
        return breaker.call(send)
    except CircuitBreakerError as error:
        opened_at = CacheCircuitStorage(provider).opened_at or datetime.now(UTC)
        elapsed = (datetime.now(UTC) - opened_at).total_seconds()
        raise CircuitOpenError(
            "circuit open, call not attempted",
            provider=provider,
            retry_after=max(config.reset_timeout - elapsed, 0.0),
        ) from error
