"""Celery under test: tasks run in-process right after commit.

What the broker needs under test: celery_broker_in_tests.py.
"""

from {{ cookiecutter.project_slug }}.config.settings.celery_broker_in_tests import *  # noqa: F403
from {{ cookiecutter.project_slug }}.config.settings.environment import env

# Worker tests switch eager mode off, in the test process and (through the environment) in the
# worker process.
CELERY_TASK_ALWAYS_EAGER = env.bool("CELERY_TASK_ALWAYS_EAGER", default=True)
CELERY_TASK_EAGER_PROPAGATES = True
