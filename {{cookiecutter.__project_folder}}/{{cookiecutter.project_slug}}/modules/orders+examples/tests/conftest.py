import pytest
from pytest_django.fixtures import Settings

from {{ cookiecutter.project_slug }}.core.testing.provider import FakeProvider

# What the fake fulfilment provider is given in tests, in this process and in workers.
FULFILMENT_TEST_SETTINGS = {
    "CONNECT_TIMEOUT": 1.0,
    "READ_TIMEOUT": 1.0,
    "FAILURE_THRESHOLD": 3,
    "RESET_TIMEOUT": 60.0,
}


@pytest.fixture(autouse=True)
def fulfilment_provider(settings: Settings, fake_provider: FakeProvider) -> FakeProvider:
    """Every orders test talks to a local fake fulfilment provider, never to a real one."""
    settings.INTEGRATIONS = {
        **settings.INTEGRATIONS,
        "fulfilment": {
            **settings.INTEGRATIONS["fulfilment"],
            **FULFILMENT_TEST_SETTINGS,
            "BASE_URL": fake_provider.url,
        },
    }
    return fake_provider
