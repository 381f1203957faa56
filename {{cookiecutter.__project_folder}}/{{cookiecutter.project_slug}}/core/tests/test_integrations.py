"""core.integrations against a real HTTP peer: timeouts, classification and the circuit."""

import os
import pickle
import subprocess
import sys
import time
from collections.abc import Iterator

import pytest
from django.conf import settings as django_settings
from pytest_django.fixtures import Settings

from {{ cookiecutter.project_slug }}.core.integrations import (
    CircuitOpenError,
    PermanentIntegrationError,
    TransientIntegrationError,
    circuit_reset,
    circuit_state,
    provider_request,
)
from {{ cookiecutter.project_slug }}.core.integrations.checks import integrations_configured_check
from {{ cookiecutter.project_slug }}.core.testing.provider import Behaviour, FakeProvider
from {{ cookiecutter.project_slug }}.core.testing.workers import worker_database_url

pytestmark = pytest.mark.django_db(transaction=True)

PROVIDER = "core_testing"


@pytest.fixture(autouse=True)
def provider(settings: Settings, fake_provider: FakeProvider) -> Iterator[FakeProvider]:
    """The core_testing provider points at a fresh fake provider with a closed circuit."""
    settings.INTEGRATIONS = {
        **settings.INTEGRATIONS,
        PROVIDER: {**settings.INTEGRATIONS[PROVIDER], "BASE_URL": fake_provider.url},
    }
    circuit_reset(PROVIDER)
    yield fake_provider
    circuit_reset(PROVIDER)


def call() -> None:
    provider_request(PROVIDER, "POST", "/things", json={"name": "mug"})


def circuit_opened_by_failures(provider: FakeProvider) -> None:
    """FAILURE_THRESHOLD (3) transient failures in a row, which open the circuit."""
    provider.behave("error")
    for _ in range(3):
        with pytest.raises(TransientIntegrationError):
            call()


def test_successful_call_returns_the_response(provider: FakeProvider) -> None:
    response = provider_request(
        PROVIDER, "POST", "/things", json={"name": "mug"}, headers={"Idempotency-Key": "k1"}
    )

    assert response.json() == {"reference": "ref-1"}
    assert provider.requests[0].body == {"name": "mug"}
    assert provider.requests[0].headers["Idempotency-Key"] == "k1"


@pytest.mark.parametrize("behaviour", ["error", "throttle"])
def test_5xx_and_429_are_transient(provider: FakeProvider, behaviour: Behaviour) -> None:
    provider.behave(behaviour)

    with pytest.raises(TransientIntegrationError):
        call()


def test_4xx_is_permanent_and_does_not_count_towards_the_circuit(
    provider: FakeProvider,
) -> None:
    provider.behave("reject")

    for _ in range(5):
        with pytest.raises(PermanentIntegrationError) as raised:
            call()
        assert raised.value.status_code == 422

    assert circuit_state(PROVIDER) == "closed"
    assert provider.request_count == 5


def test_a_provider_that_never_answers_times_out(provider: FakeProvider) -> None:
    provider.behave("hang")

    started = time.monotonic()
    with pytest.raises(TransientIntegrationError, match="ReadTimeout"):
        call()

    assert time.monotonic() - started < 3  # READ_TIMEOUT is 1 s


def test_a_refused_connection_is_transient(settings: Settings) -> None:
    settings.INTEGRATIONS[PROVIDER]["BASE_URL"] = "http://127.0.0.1:9"

    with pytest.raises(TransientIntegrationError, match="ConnectError"):
        call()


def test_a_dead_provider_opens_the_circuit_and_later_calls_fail_fast(
    provider: FakeProvider,
) -> None:
    circuit_opened_by_failures(provider)
    assert circuit_state(PROVIDER) == "open"

    for _ in range(5):
        with pytest.raises(CircuitOpenError) as raised:
            call()
        assert 0 < raised.value.retry_after <= 60

    assert provider.request_count == 3  # the open circuit sent nothing


def test_the_circuit_closes_once_the_provider_recovers(
    settings: Settings, provider: FakeProvider
) -> None:
    settings.INTEGRATIONS[PROVIDER]["RESET_TIMEOUT"] = 0.3
    circuit_opened_by_failures(provider)
    with pytest.raises(CircuitOpenError):
        call()

    provider.behave("ok")
    time.sleep(0.4)
    call()  # the trial call goes through and closes the circuit

    assert circuit_state(PROVIDER) == "closed"
    assert provider.request_count == 4


def test_a_failed_trial_call_opens_the_circuit_again(
    settings: Settings, provider: FakeProvider
) -> None:
    settings.INTEGRATIONS[PROVIDER]["RESET_TIMEOUT"] = 0.3
    circuit_opened_by_failures(provider)

    time.sleep(0.4)
    with pytest.raises(TransientIntegrationError):
        call()  # the trial call fails: open again

    with pytest.raises(CircuitOpenError):
        call()

    assert circuit_state(PROVIDER) == "open"
    assert provider.request_count == 4


def test_another_process_sees_the_circuit_open(provider: FakeProvider) -> None:
    circuit_opened_by_failures(provider)

    script = "; ".join(
        [
            f"from {circuit_state.__module__} import circuit_state",
            f"print(circuit_state({PROVIDER!r}))",
        ]
    )
    other = subprocess.run(
        [sys.executable, "manage.py", "shell", "--no-imports", "--command", script],
        cwd=django_settings.BASE_DIR,
        env={**os.environ, "DATABASE_URL": worker_database_url()},
        capture_output=True,
        text=True,
        check=True,
    )

    assert other.stdout.strip() == "open"


def test_deploy_check_warns_of_a_provider_without_a_url(settings: Settings) -> None:
    settings.INTEGRATIONS = {PROVIDER: {"BASE_URL": ""}, "other": {"BASE_URL": "http://x"}}

    messages = integrations_configured_check()

    assert [message.id for message in messages] == ["integrations.W001"]
    assert PROVIDER in messages[0].msg


def test_errors_survive_pickling_between_processes() -> None:
    error = CircuitOpenError("circuit open", provider=PROVIDER, retry_after=12.5)

    copy = pickle.loads(pickle.dumps(error))

    assert type(copy) is CircuitOpenError
    assert (str(copy), copy.provider, copy.retry_after) == (str(error), PROVIDER, 12.5)
