"""The health probes, against the real database, cache and brokers."""

import pytest
from django.core.cache import cache
from django.test import Client, override_settings

from {{ cookiecutter.project_slug }}.core.health import event_stream, task_broker


def test_health_live_answers_without_touching_the_database(client: Client) -> None:
    # No django_db mark: pytest-django makes any query (the cache's too) fail this test.
    response = client.get("/health/live/")

    assert response.status_code == 200
    assert response.json() == {"status": "ok"}


@override_settings(ALLOWED_HOSTS=["api.example.com"], SECURE_SSL_REDIRECT=True)
def test_health_probes_answer_any_host_over_plain_http(client: Client) -> None:
    # An orchestrator calls the container by its address, without TLS.
    response = client.get("/health/live/", HTTP_HOST="10.0.3.7:8000")
    other_page = client.get("/api/schema/", HTTP_HOST="10.0.3.7:8000")

    assert response.status_code == 200
    assert other_page.status_code == 400, "any other page refuses a host not allowed"


@pytest.mark.django_db
def test_health_ready_reports_every_backing_service(client: Client) -> None:
    response = client.get("/health/ready/")

    assert response.status_code == 200, response.json()
    body = response.json()
    assert body["status"] == "ok"
    assert body["failing"] == []
    # The database and the cache, then the brokers this project has, if any: each is named
    # by its own file, and tested failing in its own test file.
    assert list(body["checks"]) == [
        "database",
        "cache",
        *task_broker.CHECKS,
        *event_stream.CHECKS,
    ]
    assert all(check["ok"] for check in body["checks"].values())


# Transactional: on PostgreSQL the failed query would abort a test-wide transaction, which
# requests in production (autocommit, no ATOMIC_REQUESTS) do not run inside.
@pytest.mark.django_db(transaction=True)
def test_health_ready_names_a_cache_that_fails(client: Client) -> None:
    # A database cache whose table was never created: every read and write fails.
    missing_table = {
        "default": {
            "BACKEND": "django.core.cache.backends.db.DatabaseCache",
            "LOCATION": "health_check_missing_table",
        },
    }
    with override_settings(CACHES=missing_table):
        response = client.get("/health/ready/")

    assert response.status_code == 503
    body = response.json()
    assert body["status"] == "failing"
    assert body["failing"] == ["cache"]
    assert body["checks"]["database"]["ok"] is True
    assert body["checks"]["cache"]["error"]
    # The default cache is untouched by the override.
    cache.set("still-here", 1)
    assert cache.get("still-here") == 1
