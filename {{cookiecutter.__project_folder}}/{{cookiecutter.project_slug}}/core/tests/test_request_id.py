"""Request ids: one id from the request to its response, log lines, tasks and events."""

import io
import json
import logging
from collections.abc import Iterator
from typing import Any

import pytest
from django.http import HttpRequest, HttpResponse
from django.test import Client, override_settings
from django.urls import path

from {{ cookiecutter.project_slug }}.core.events import Event, publish
from {{ cookiecutter.project_slug }}.core.observability.logs import logging_config
from {{ cookiecutter.project_slug }}.core.tasks import enqueue_on_commit
from {{ cookiecutter.project_slug }}.core.testing.events import ProbeHappened, deliver_events


def probe_view(request: HttpRequest) -> HttpResponse:
    """Does what a real view's service does: publishes an event and schedules a task."""
    publish(ProbeHappened(key="from-request"))
    enqueue_on_commit("core_testing.log", key="from-request")
    return HttpResponse("done")


urlpatterns = [path("probe/", probe_view)]


@pytest.fixture
def log_stream() -> Iterator[io.StringIO]:
    """Every line logged while the test runs, rendered as production renders it (JSON)."""
    formatter_config = logging_config(json=True, level="INFO")["formatters"]["structured"]
    formatter_factory = formatter_config.pop("()")
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.setFormatter(formatter_factory(**formatter_config))
    root = logging.getLogger()
    root.addHandler(handler)
    yield stream
    root.removeHandler(handler)


def log_lines(stream: io.StringIO) -> list[dict[str, Any]]:
    return [json.loads(line) for line in stream.getvalue().splitlines()]


def test_a_request_without_an_id_gets_a_new_one(client: Client) -> None:
    response = client.get("/health/live/")

    assert len(response["X-Request-ID"]) == 32


def test_a_well_formed_request_id_is_kept(client: Client) -> None:
    response = client.get("/health/live/", headers={"X-Request-ID": "lb-7f3a9c01.trace"})

    assert response["X-Request-ID"] == "lb-7f3a9c01.trace"


@pytest.mark.parametrize(
    "incoming",
    ["short", "x" * 65, "has spaces in it", "semi;colon-value", "new\\nline-value"],
)
def test_a_malformed_request_id_is_replaced(client: Client, incoming: str) -> None:
    response = client.get("/health/live/", headers={"X-Request-ID": incoming})

    assert response["X-Request-ID"] != incoming
    assert len(response["X-Request-ID"]) == 32


@pytest.mark.django_db(transaction=True)
@override_settings(ROOT_URLCONF=__name__)
def test_the_request_id_reaches_the_response_logs_tasks_and_events(
    client: Client, log_stream: io.StringIO, published_events: list[Event]
) -> None:
    response = client.get("/probe/", headers={"X-Request-ID": "req-0123456789"})
    deliver_events()

    assert response["X-Request-ID"] == "req-0123456789"
    assert [event.correlation_id for event in published_events] == ["req-0123456789"]
    lines = {line["event"]: line for line in log_lines(log_stream)}
    # The request's own line, the task it scheduled, the handler of the event it published.
    for event_name in ("request_finished", "probe_task_ran", "probe_handled"):
        assert lines[event_name]["correlation_id"] == "req-0123456789", event_name
    assert lines["request_finished"]["status"] == 200


def test_lines_of_standard_library_loggers_carry_the_request_id(
    client: Client, log_stream: io.StringIO
) -> None:
    client.get("/no-such-page/", headers={"X-Request-ID": "req-9876543210"})

    not_found = [line for line in log_lines(log_stream) if line["logger"] == "django.request"]
    assert not_found, "Django logs every 404 on django.request"
    assert all(line["correlation_id"] == "req-9876543210" for line in not_found)


def test_work_outside_any_request_logs_no_correlation_id(log_stream: io.StringIO) -> None:
    logging.getLogger("anything").warning("outside")

    assert "correlation_id" not in log_lines(log_stream)[0]
