"""The test worker's prefork pool: Celery's own, maintained more often."""

from typing import Any

from celery.concurrency.asynpool import AsynPool
from celery.concurrency.prefork import TaskPool


class _PromptlyMaintainedPool(AsynPool):
    """Finds a killed pool process within a moment, not within Celery's 5 s.

    Celery learns that a pool process died from the process's pipe closing. When the pipe
    closes before the process can be reaped, which happens under load, Celery finds the death
    only at its next pool maintenance, every 5 s. Tests that kill a pool process wait for the
    task to be delivered again, not for that timer.
    """

    @property
    def timers(self) -> dict[Any, float]:
        return {self.maintain_pool: 0.1}


class PromptlyMaintainedTaskPool(TaskPool):
    Pool = _PromptlyMaintainedPool
