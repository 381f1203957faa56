"""The task-queue seam: every module declares and schedules background work through here.

    # modules/orders/tasks.py: the task itself, private and thin
    @task(name="orders.confirmation_send", retries=3)
    def _order_confirmation_send_task(*, order_id: int) -> None:
        order_confirmation_send(order_id=order_id)

    # modules/orders/services/tasks.py: the only way the rest of the code schedules it
    def delay_order_confirmation_send(*, order_id: int) -> None:
        enqueue_on_commit("orders.confirmation_send", order_id=order_id)

Tasks are enqueued by name, so services never import task bodies. The backend chosen when the
project was baked ({{ cookiecutter.task_queue }}) lives in one module beside this one.
"""

import inspect
from typing import Any

from {{ cookiecutter.project_slug }}.core.observability.correlation import current_correlation_id
from {{ cookiecutter.project_slug }}.core.primitives import require_json_primitive
from {{ cookiecutter.project_slug }}.core.tasks import registry
{%- if cookiecutter.task_queue == "database" %}
from {{ cookiecutter.project_slug }}.core.tasks.backend_database import enqueue_after_commit, task
{%- elif cookiecutter.task_queue.startswith("celery") %}
from {{ cookiecutter.project_slug }}.core.tasks.backend_celery import enqueue_after_commit, task
{%- else %}
from {{ cookiecutter.project_slug }}.core.tasks.backend_inline import enqueue_after_commit, task
{%- endif %}

__all__ = ["enqueue_on_commit", "task"]


def enqueue_on_commit(name: str, /, **kwargs: Any) -> None:
    """Run the task registered as `name` after the current transaction commits; never on rollback.

    Outside a transaction the task is enqueued at once. Arguments must be JSON primitives
    (ids, strings, numbers): the task re-fetches whatever it needs.
    """
    definition = registry.get(name)
    try:
        inspect.signature(definition.function).bind(**kwargs)
    except TypeError as error:
        raise TypeError(f"{name}: {error}") from None
    for key, value in kwargs.items():
        require_json_primitive(value, where=f"{name}({key}=...)")
    # The task runs under the id of the request (or handler, or task) that scheduled it.
    kwargs[registry.CORRELATION_ID_ARGUMENT] = current_correlation_id()
    enqueue_after_commit(definition, kwargs)
