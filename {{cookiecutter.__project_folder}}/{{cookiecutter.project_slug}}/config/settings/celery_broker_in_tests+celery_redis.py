"""Redis under test: each test run has keys of its own."""

import hashlib

from {{ cookiecutter.project_slug }}.config.settings.celery_broker import (
    CELERY_BROKER_TRANSPORT_OPTIONS,
)
from {{ cookiecutter.project_slug }}.config.settings.environment import BASE_DIR, env

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
