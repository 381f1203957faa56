"""Production reports errors to Sentry once a DSN is set, and only then."""

from django.conf import settings

from {{ cookiecutter.project_slug }}.core.tests.test_production_settings import production_manage_py

# Prints which integrations the Sentry client runs with, or that there is no client.
SENTRY_CLIENT_REPORT = (
    "import sentry_sdk; client = sentry_sdk.get_client(); "
    "print(sorted(client.integrations) if client.is_active() else 'inactive')"
)


def test_sentry_reports_from_production_once_a_dsn_is_set() -> None:
    # A DSN is only parsed at start-up; nothing is sent until an error is reported.
    dsn = "https://public-key@127.0.0.1:9/42"
    result = production_manage_py("shell", "--command", SENTRY_CLIENT_REPORT, SENTRY_DSN=dsn)

    assert result.returncode == 0, result.stdout + result.stderr
    assert "'django'" in result.stdout
    # Celery's integration is on where Celery runs the tasks.
    assert ("'celery'" in result.stdout) == hasattr(settings, "CELERY_BROKER_URL")


def test_sentry_stays_off_without_a_dsn() -> None:
    result = production_manage_py("shell", "--command", SENTRY_CLIENT_REPORT, SENTRY_DSN="")

    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.strip().endswith("inactive")
