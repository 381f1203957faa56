"""Calls to third-party providers: bounded in time, classified, and behind a circuit breaker.

    # modules/<module>/integrations/<provider>.py: one client function per provider call
    response = provider_request("fulfilment", "POST", "/orders", json=payload)

Call providers only from tasks (through a service), never during a request. Each provider is
configured in settings.INTEGRATIONS: base URL, credentials, timeouts, and when its circuit
opens and closes again.
"""

from {{ cookiecutter.project_slug }}.core.integrations.breakers import (
    circuit_breaker,
    circuit_reset,
    circuit_state,
)
from {{ cookiecutter.project_slug }}.core.integrations.clients import (
    ProviderSettings,
    http_client,
    provider_request,
    provider_settings,
)
from {{ cookiecutter.project_slug }}.core.integrations.errors import (
    CircuitOpenError,
    IntegrationError,
    PermanentIntegrationError,
    TransientIntegrationError,
)

__all__ = [
    "CircuitOpenError",
    "IntegrationError",
    "PermanentIntegrationError",
    "ProviderSettings",
    "TransientIntegrationError",
    "circuit_breaker",
    "circuit_reset",
    "circuit_state",
    "http_client",
    "provider_request",
    "provider_settings",
]
