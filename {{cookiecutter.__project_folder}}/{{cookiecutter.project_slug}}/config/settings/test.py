"""Settings for the test suite: fast and self-contained, with the same database engine as base."""
{%- if cookiecutter.task_queue == "celery_redis" %}

import hashlib
{%- endif %}

from {{ cookiecutter.project_slug }}.config.settings.base import *  # noqa: F403
from {{ cookiecutter.project_slug }}.config.settings.base import (
{%- if cookiecutter.database == "sqlite" or cookiecutter.task_queue == "celery_redis" %}
    BASE_DIR,
{%- endif %}
{%- if cookiecutter.task_queue == "celery_redis" %}
    CELERY_BROKER_TRANSPORT_OPTIONS,
{%- endif %}
{%- if cookiecutter.database == "sqlite" %}
    DATABASES,
{%- endif %}
    INSTALLED_APPS,
    INTEGRATIONS,
{%- if cookiecutter.task_queue == "database" %}
    TASKS,
{%- endif %}
{%- if cookiecutter.task_queue != "none" %}
    env,
{%- endif %}
)

SECRET_KEY = "insecure-key-for-tests-only"
DEBUG = False
# Hashing passwords properly is slow on purpose; tests need not pay for it.
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
MAILERS = {"default": {"BACKEND": "django.core.mail.backends.locmem.EmailBackend"}}
# Failed tasks back off as deployed (doubling, with jitter), twenty times sooner, so that tests
# of retries with real workers wait a fraction of a second, not several.
TASKS_RETRY_BACKOFF_SCALE = 0.05

# Probe tasks and their model, for tests that run real worker processes.
INSTALLED_APPS = [*INSTALLED_APPS, "{{ cookiecutter.project_slug }}.core.testing"]
# A provider for core.integrations' own tests; they point it at a local fake provider.
INTEGRATIONS = {
    **INTEGRATIONS,
    "core_testing": {
        # Nothing listens on port 9 (discard); each test sets the URL of its fake provider.
        "BASE_URL": "http://127.0.0.1:9",
        "CONNECT_TIMEOUT": 1.0,
        "READ_TIMEOUT": 1.0,
        "FAILURE_THRESHOLD": 3,
        "RESET_TIMEOUT": 60.0,
    },
}
{%- if cookiecutter.database == "sqlite" %}
# A file, not memory, so that worker processes started by tests see the same test database.
DATABASES["default"]["TEST"] = {"NAME": str(BASE_DIR / "test-db.sqlite3")}
{%- endif %}
{%- if cookiecutter.task_queue == "database" %}

# Tasks run in-process right after commit; worker tests switch to the database backend.
TASKS["default"]["BACKEND"] = env(
    "TASKS_BACKEND", default="django.tasks.backends.immediate.ImmediateBackend"
)
{%- elif cookiecutter.task_queue.startswith("celery") %}

# Tasks run in-process right after commit; worker tests switch eager mode off, in the test
# process and (through the environment) in the worker process.
CELERY_TASK_ALWAYS_EAGER = env.bool("CELERY_TASK_ALWAYS_EAGER", default=True)
CELERY_TASK_EAGER_PROPAGATES = True
{%- if cookiecutter.task_queue == "celery_redis" %}
# The broker's keys get a prefix of this checkout's and this pytest-xdist process's (worker
# processes started by a test inherit both), so that test runs sharing one Redis, in parallel
# or side by side, never take each other's tasks.
TEST_BROKER_NAMESPACE = hashlib.sha256(
    f"{BASE_DIR}:{env('PYTEST_XDIST_WORKER', default='main')}".encode()
).hexdigest()[:16]
CELERY_BROKER_TRANSPORT_OPTIONS = {
    **CELERY_BROKER_TRANSPORT_OPTIONS,
    "global_keyprefix": f"test-{TEST_BROKER_NAMESPACE}:",
}
{%- endif %}
{%- endif %}
