"""The task-queue seam: every module declares and schedules background work through here.

For example, in an orders module:

    # modules/orders/tasks.py: the task itself, private and thin
    @task(name="orders.confirmation_send", retries=3)
    def _order_confirmation_send_task(*, order_id: int) -> None:
        order_confirmation_send(order_id=order_id)

    # modules/orders/services/tasks.py: the only way the rest of the code schedules it
    def delay_order_confirmation_send(*, order_id: int) -> None:
        enqueue_on_commit("orders.confirmation_send", order_id=order_id)

Tasks are enqueued by name, so services never import task bodies. The backend chosen when the
project was baked lives in one module beside this one, `backend.py`.

Work that no request may wait for (a call to another system) is scheduled with
`enqueue_for_worker_on_commit` and has a periodic sweep as well, due `sweep_after(...)` from
now. With a task queue a worker does it within seconds and the sweep catches what is lost;
in a project without one, nothing is scheduled in the request and the sweep does it.
"""

import inspect
from datetime import timedelta
from typing import Any

from {{ cookiecutter.project_slug }}.core.observability.correlation import current_correlation_id
from {{ cookiecutter.project_slug }}.core.primitives import require_json_primitive
from {{ cookiecutter.project_slug }}.core.tasks import registry
from {{ cookiecutter.project_slug }}.core.tasks.backend import (
    HAS_WORKERS,
    enqueue_after_commit,
    task,
)

__all__ = ["enqueue_for_worker_on_commit", "enqueue_on_commit", "sweep_after", "task"]


def enqueue_on_commit(name: str, /, **kwargs: Any) -> None:
    """Run the task registered as `name` after the current transaction commits; never on rollback.

    Outside a transaction the task is enqueued at once. Arguments must be JSON primitives
    (ids, strings, numbers): the task re-fetches whatever it needs.
    """
    definition, arguments = _task_call(name, kwargs)
    enqueue_after_commit(definition, arguments)


def enqueue_for_worker_on_commit(name: str, /, **kwargs: Any) -> None:
    """enqueue_on_commit, for work no request may wait for; without a task queue, nothing.

    Without a queue a task would run in the process that scheduled it, after commit: such
    work is left to its periodic sweep, due at once (see sweep_after).
    """
    definition, arguments = _task_call(name, kwargs)
    if HAS_WORKERS:
        enqueue_after_commit(definition, arguments)


def sweep_after(delay: timedelta) -> timedelta:
    """How long a sweep leaves work given to enqueue_for_worker_on_commit to its worker.

    `delay` with a task queue; none without one, where no worker will do the work.
    """
    return delay if HAS_WORKERS else timedelta(0)


def _task_call(name: str, kwargs: dict[str, Any]) -> tuple[registry.TaskDefinition, dict[str, Any]]:
    """The task registered as `name`, and `kwargs` checked against it, to enqueue it with."""
    definition = registry.get(name)
    try:
        inspect.signature(definition.function).bind(**kwargs)
    except TypeError as error:
        raise TypeError(f"{name}: {error}") from None
    for key, value in kwargs.items():
        require_json_primitive(value, where=f"{name}({key}=...)")
    # The task runs under the id of the request (or handler, or task) that scheduled it.
    kwargs[registry.CORRELATION_ID_ARGUMENT] = current_correlation_id()
    return definition, kwargs
