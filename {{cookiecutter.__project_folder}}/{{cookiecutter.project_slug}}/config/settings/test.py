"""Settings for the test suite: fast and self-contained, with the same database engine as base.

How tests run this project's task queue: tasks_in_tests.py.
"""

from {{ cookiecutter.project_slug }}.config.settings.base import *  # noqa: F403
from {{ cookiecutter.project_slug }}.config.settings.base import INSTALLED_APPS, INTEGRATIONS
from {{ cookiecutter.project_slug }}.config.settings.tasks_in_tests import *  # noqa: F403

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
