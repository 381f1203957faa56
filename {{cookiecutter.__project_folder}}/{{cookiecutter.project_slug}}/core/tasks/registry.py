"""Every task of the project, by name: what runs, how often it may be retried, and when."""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from django.core.exceptions import ImproperlyConfigured

from {{ cookiecutter.project_slug }}.core.retries import backoff_delay


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

    @property
    def function_path(self) -> str:
        return f"{self.function.__module__}.{self.function.__qualname__}"

    def retry_delay(self, *, attempt: int) -> float:
        return backoff_delay(base=self.retry_backoff, attempt=attempt)


_definitions: dict[str, TaskDefinition] = {}


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
