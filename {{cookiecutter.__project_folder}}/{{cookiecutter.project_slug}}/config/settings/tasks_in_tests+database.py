"""The database task queue under test: tasks run in-process right after commit."""

from {{ cookiecutter.project_slug }}.config.settings.environment import env
from {{ cookiecutter.project_slug }}.config.settings.tasks import TASKS

# Worker tests switch to the database backend, in the test process and (through the
# environment) in the worker process.
TASKS = {
    **TASKS,
    "default": {
        **TASKS["default"],
        "BACKEND": env("TASKS_BACKEND", default="django.tasks.backends.immediate.ImmediateBackend"),
    },
}
