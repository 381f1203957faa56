"""Real worker processes for tests of the task queue, running on the test database."""

{% if cookiecutter.task_queue == "celery_rabbitmq" -%}
import fcntl
import hashlib
{% endif -%}
import os
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator, Mapping
from contextlib import {{ "AbstractContextManager, " if cookiecutter.task_queue != "none" }}contextmanager, suppress
{%- if cookiecutter.task_queue == "celery_rabbitmq" %}
from pathlib import Path
{%- endif %}
from typing import IO, Any
from urllib.parse import quote

{% if cookiecutter.task_queue.startswith("celery") -%}
from celery import current_app
{% endif -%}
from django.conf import settings
from django.db import connection
{%- if cookiecutter.task_queue == "database" %}
from django.test import override_settings
{%- endif %}
{%- if cookiecutter.task_queue == "database" %}

WORKER_COMMAND = [
    sys.executable,
    "manage.py",
    "db_worker",
    "--queue-name=*",
    "--interval=0.05",
    "--no-reload",
    "--no-startup-delay",
]
{%- elif cookiecutter.task_queue.startswith("celery") %}

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
{%- endif %}


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


class ProjectProcess(subprocess.Popen[bytes]):
    """A process of the project's, its output (stdout and stderr) kept in a file."""

    def __init__(self, command: list[str], *, log: IO[bytes], **options: Any) -> None:
        super().__init__(command, stdout=log, stderr=subprocess.STDOUT, **options)
        self.log = log

    def output(self) -> str:
        """What the process has written so far."""
        # pread leaves the file's offset alone: the process shares it, and writes there.
        descriptor = self.log.fileno()
        return os.pread(descriptor, os.fstat(descriptor).st_size, 0).decode(errors="replace")


@contextmanager
def running_process(
    command: list[str], *, environment: Mapping[str, str] | None = None
) -> Iterator[ProjectProcess]:
    """Run a project process (a worker, a relay) on the test database; stop it afterwards.

    Its output is shown if the test fails while it runs.
    """
    process_environment = {
        **os.environ,
        **(environment or {}),
        "DATABASE_URL": worker_database_url(),
{%- if cookiecutter.task_queue == "database" %}
        "TASKS_BACKEND": "django_tasks_db.DatabaseBackend",
{%- elif cookiecutter.task_queue.startswith("celery") %}
        "CELERY_TASK_ALWAYS_EAGER": "false",
{%- endif %}
    }
    with tempfile.TemporaryFile() as log:
        process = ProjectProcess(
            command,
            log=log,
            cwd=settings.BASE_DIR,
            env=process_environment,
            start_new_session=True,
        )
        try:
            yield process
        except BaseException:
            sys.stderr.write(process.output()[-4000:])
            raise
        finally:
            # The test is over and checks nothing of a graceful stop, which takes a Celery
            # worker over a second: kill the process and any it started (its own group).
            with suppress(ProcessLookupError):
                os.killpg(process.pid, signal.SIGKILL)
            process.wait()
{%- if cookiecutter.task_queue != "none" %}


def running_worker(
    *, environment: Mapping[str, str] | None = None
) -> AbstractContextManager[ProjectProcess]:
    """Start a worker process as production would, on the test database."""
    return running_process(WORKER_COMMAND, environment=environment)
{%- endif %}


@contextmanager
def tasks_queued() -> Iterator[None]:
{%- if cookiecutter.task_queue == "none" %}
    """No queue in this project: tasks run in-process after commit, whatever the test does."""
{%- else %}
    """Send tasks to the queue, for a worker process to run, instead of running them here."""
{%- endif %}
{%- if cookiecutter.task_queue == "database" %}
    with override_settings(
        TASKS={
            "default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default", "low"]}
        }
    ):
        yield
{%- elif cookiecutter.task_queue == "celery_redis" %}
    # The queues are this test process's own: the test settings prefix its keys on the broker.
    app = current_app
    app.conf.task_always_eager = False
    app.control.purge()
    try:
        yield
    finally:
        app.conf.task_always_eager = True
{%- elif cookiecutter.task_queue == "celery_rabbitmq" %}
    app = current_app
    with broker_queues_held():
        app.conf.task_always_eager = False
        app.control.purge()
        try:
            yield
        finally:
            app.conf.task_always_eager = True


@contextmanager
def broker_queues_held() -> Iterator[None]:
    """Have the broker's queues to this test alone, until it ends.

    Every test process on this machine (pytest-xdist's, another checkout's) uses the same
    queues on RabbitMQ: a lock file per broker makes them take turns, so that no worker
    takes another test's tasks.
    """
    broker = hashlib.sha256(settings.CELERY_BROKER_URL.encode()).hexdigest()[:16]
    with open(Path(tempfile.gettempdir()) / f"celery-broker-{broker}.lock", "a") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)
{%- else %}
    yield
{%- endif %}


def wait_until(condition: Callable[[], bool], *, seconds: float = 30, what: str) -> None:
    """Poll `condition` until it holds; fail the test after `seconds`."""
    deadline = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"gave up after {seconds} s waiting for {what}")
        time.sleep(0.05)
