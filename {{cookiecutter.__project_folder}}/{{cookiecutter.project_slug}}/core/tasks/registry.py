"""Every task of the project, by name: what runs, how often it may be retried, and when."""

import dataclasses
from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

from {{ cookiecutter.project_slug }}.core.observability.correlation import (
    correlation_id_set,
    current_correlation_id,
)
from {{ cookiecutter.project_slug }}.core.retries import backoff_delay

# The keyword argument that carries the scheduling work's correlation id to the task, beside
# the task's own arguments; task_run takes it off before calling the function.
CORRELATION_ID_ARGUMENT = "_correlation_id"


@dataclass(frozen=True, kw_only=True)
class TaskDefinition:
    name: str
    function: Callable[..., Any]
    # What the backend made of the function (a Django Task, a Celery task, the function).
    runnable: Any
    retries: int = 0
    retry_backoff: float = 2.0
    queue: str = "default"
    every: timedelta | None = None

    def run(self, **kwargs: Any) -> Any:
        """Call the task function under the correlation id it was scheduled with."""
        arguments = dict(kwargs)
        correlation_id = arguments.pop(CORRELATION_ID_ARGUMENT, None) or current_correlation_id()
        with correlation_id_set(correlation_id):
            return self.function(**arguments)

    @property
    def function_path(self) -> str:
        return f"{self.function.__module__}.{self.function.__qualname__}"

    def retry_delay(self, *, attempt: int) -> float:
        base = self.retry_backoff * settings.TASKS_RETRY_BACKOFF_SCALE
        return backoff_delay(base=base, attempt=attempt)


_definitions: dict[str, TaskDefinition] = {}


type TaskDecorator = Callable[[Callable[..., Any]], Any]


def task_declarer(make_runnable: Callable[[TaskDefinition], Any]) -> Callable[..., TaskDecorator]:
    """Build a backend's @task: the same options everywhere; only the runnable differs."""

    def task(
        *,
        name: str,
        retries: int = 0,
        retry_backoff: float = 2.0,
        queue: str = "default",
        every: timedelta | None = None,
    ) -> TaskDecorator:
        """Declare a task function under a project-wide name (see core.tasks)."""

        def declare(function: Callable[..., Any]) -> Any:
            definition = TaskDefinition(
                name=name,
                function=function,
                runnable=None,
                retries=retries,
                retry_backoff=retry_backoff,
                queue=queue,
                every=every,
            )
            definition = dataclasses.replace(definition, runnable=make_runnable(definition))
            register(definition)
            return definition.runnable

        return declare

    return task


def register(definition: TaskDefinition) -> None:
    existing = _definitions.get(definition.name)
    if existing is not None and existing.function_path != definition.function_path:
        raise ImproperlyConfigured(
            f"Task name {definition.name!r} is used by {existing.function_path} "
            f"and {definition.function_path}"
        )
    _definitions[definition.name] = definition


def get(name: str) -> TaskDefinition:
    try:
        return _definitions[name]
    except KeyError:
        raise ImproperlyConfigured(
            f"No task is registered as {name!r}; is it declared with @task in a module's tasks.py?"
        ) from None


def find_by_function_path(path: str) -> TaskDefinition | None:
    return next((d for d in _definitions.values() if d.function_path == path), None)


def periodic() -> list[TaskDefinition]:
    return [definition for definition in _definitions.values() if definition.every is not None]
