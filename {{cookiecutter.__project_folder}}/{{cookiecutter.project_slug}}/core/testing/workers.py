"""Real worker processes for tests of the task queue, running on the test database."""

import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from urllib.parse import quote

from django.conf import settings
from django.db import connection
{% if cookiecutter.task_queue == "database" %}
WORKER_COMMAND = [
    sys.executable,
    "manage.py",
    "db_worker",
    "--queue-name=*",
    "--interval=0.05",
    "--no-reload",
    "--no-startup-delay",
]
{% else %}
WORKER_COMMAND = [
    sys.executable,
    "-m",
    "celery",
    "--app={{ cookiecutter.project_slug }}.config.celery",
    "worker",
    "--pool=prefork",
    "--concurrency=1",
    "--queues=default,low",
    "--without-gossip",
    "--without-mingle",
    "--without-heartbeat",
    "--loglevel=INFO",
]
{% endif %}

def worker_database_url() -> str:
    """The URL of the database the tests run on, for other processes to open."""
    database = connection.settings_dict
    if connection.vendor == "sqlite":
        return f"sqlite:///{database['NAME']}"
    credentials = quote(database["USER"] or "")
    if database["PASSWORD"]:
        credentials += ":" + quote(database["PASSWORD"])
    host = database["HOST"] or "127.0.0.1"
    return f"postgres://{credentials}@{host}:{database['PORT'] or 5432}/{database['NAME']}"


@contextmanager
def running_worker() -> Iterator[subprocess.Popen[bytes]]:
    """Start a worker process as production would, on the test database; stop it afterwards."""
    environment = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": os.environ["DJANGO_SETTINGS_MODULE"],
        "DATABASE_URL": worker_database_url(),
{%- if cookiecutter.task_queue == "database" %}
        "TASKS_BACKEND": "django_tasks_db.DatabaseBackend",
{%- else %}
        "CELERY_TASK_ALWAYS_EAGER": "false",
{%- endif %}
    }
    with tempfile.TemporaryFile() as log:
        worker = subprocess.Popen(
            WORKER_COMMAND,
            cwd=settings.BASE_DIR,
            env=environment,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        try:
            yield worker
        except BaseException:
            log.seek(0)
            sys.stderr.write(log.read().decode(errors="replace")[-4000:])
            raise
        finally:
            worker.terminate()
            try:
                worker.wait(timeout=15)
            except subprocess.TimeoutExpired:
                worker.kill()
                worker.wait()


def wait_until(condition: Callable[[], bool], *, seconds: float = 30, what: str) -> None:
    """Poll `condition` until it holds; fail the test after `seconds`."""
    deadline = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"gave up after {seconds} s waiting for {what}")
        time.sleep(0.05)
