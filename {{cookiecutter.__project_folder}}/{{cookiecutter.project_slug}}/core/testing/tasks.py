"""Probe tasks for worker tests: each run leaves a TaskProbe row behind."""

import os
import time
from datetime import timedelta

import structlog

from {{ cookiecutter.project_slug }}.core.tasks import task
from {{ cookiecutter.project_slug }}.core.testing.models import TaskProbe

logger = structlog.get_logger(__name__)


class ProbeFailure(Exception):
    """Raised on purpose by the failing probe."""


def _probe(key: str) -> int:
    TaskProbe.objects.create(key=key, process_id=os.getpid())
    return TaskProbe.objects.filter(key=key).count()


@task(name="core_testing.record")
def _record_task(*, key: str) -> None:
    _probe(key)


@task(name="core_testing.log")
def _log_task(*, key: str) -> None:
    logger.info("probe_task_ran", key=key)


@task(name="core_testing.fail", retries=2, retry_backoff=0.2)
def _fail_task(*, key: str) -> None:
    _probe(key)
    raise ProbeFailure(key)


@task(name="core_testing.hang_on_first_run")
def _hang_on_first_run_task(*, key: str) -> None:
    # The first run hangs until its worker is killed; a later run completes.
    if _probe(key) == 1:
        time.sleep(600)


@task(name="core_testing.tick", every=timedelta(minutes=1))
def _tick_task() -> None:
    _probe("tick")
