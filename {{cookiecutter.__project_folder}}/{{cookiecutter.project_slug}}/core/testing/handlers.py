import os

import structlog

from {{ cookiecutter.project_slug }}.core.events import subscribe
from {{ cookiecutter.project_slug }}.core.testing.events import ProbeHappened
from {{ cookiecutter.project_slug }}.core.testing.models import TaskProbe
from {{ cookiecutter.project_slug }}.core.testing.tasks import ProbeFailure

logger = structlog.get_logger(__name__)


@subscribe(ProbeHappened)
def on_probe_happened(event: ProbeHappened) -> None:
    """Leave a TaskProbe row per delivery; fail on purpose for keys starting with "fail"."""
    TaskProbe.objects.create(key=event.key, process_id=os.getpid())
    logger.info("probe_handled", key=event.key)
    if event.key.startswith("fail"):
        raise ProbeFailure(event.key)
