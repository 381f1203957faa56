"""The deployment check of the providers' settings."""

from collections.abc import Sequence
from typing import Any

from django.apps import AppConfig
from django.conf import settings
from django.core.checks import CheckMessage, Warning


def integrations_configured_check(
    app_configs: Sequence[AppConfig] | None = None, **kwargs: Any
) -> list[CheckMessage]:
    """Warn before deploying a provider with no URL: every call to it would fail."""
    return [
        Warning(
            f"settings.INTEGRATIONS[{name!r}] has no BASE_URL; calls to it would all fail.",
            hint="Set its URL (and credentials) in the environment; see .env.example.",
            id="integrations.W001",
        )
        for name, provider in settings.INTEGRATIONS.items()
        if not provider.get("BASE_URL")
    ]
