"""Project processes for tests (workers, relays), on the test database; none of it per backend.

Each is forked from one launcher process per test process (`manage.py launch_processes`),
which imports what this project's worker needs first (core.testing.task_queue).
"""

import atexit
import functools
import json
import os
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import Any
from urllib.parse import quote

from django.conf import settings
from django.db import connection

from {{ cookiecutter.project_slug }}.core.testing.task_queue import (
    LAUNCHER_ENVIRONMENT,
    LAUNCHER_PRELOADS,
)


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


class ProjectProcess:
    """A process of the project's that a test started; what it writes is kept in a file."""

    def __init__(self, pid: int, output: Path) -> None:
        self.pid = pid
        self._output = output

    def output(self) -> str:
        """What the process has written so far (stdout and stderr)."""
        return self._output.read_text(errors="replace") if self._output.exists() else ""

    def is_running(self) -> bool:
        try:
            os.kill(self.pid, 0)
        except ProcessLookupError:
            return False
        return True

    def send_signal(self, signal_number: int) -> None:
        os.kill(self.pid, signal_number)

    def kill(self) -> None:
        """SIGKILL to it and to any process it started (its own group), then wait until gone."""
        with suppress(ProcessLookupError):
            os.killpg(self.pid, signal.SIGKILL)
        self.wait()

    def wait(self, timeout: float = 30) -> None:
        wait_until(lambda: not self.is_running(), seconds=timeout, what=f"{self.pid} to end")


class ProcessLauncher:
    """Starts project processes for this test process, through `manage.py launch_processes`.

    Django starts once, in the launcher, on the test database; each process is forked from
    it, so a worker starts in a fraction of a second instead of a second or more.
    """

    def __init__(self) -> None:
        environment = {
            **os.environ,
            "DATABASE_URL": worker_database_url(),
            **LAUNCHER_ENVIRONMENT,
        }
        self._process = subprocess.Popen(
            [sys.executable, "manage.py", "launch_processes", *LAUNCHER_PRELOADS],
            cwd=settings.BASE_DIR,
            env=environment,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
            start_new_session=True,
        )

    def launch(self, argv: list[str], *, settings: Mapping[str, Any], output: Path) -> int:
        """Start `python ARGV...` with these settings overridden; return its process id."""
        assert self._process.stdin is not None
        assert self._process.stdout is not None
        request = {"argv": argv, "settings": dict(settings), "output": str(output)}
        self._process.stdin.write(json.dumps(request) + "\n")
        self._process.stdin.flush()
        answer = self._process.stdout.readline()
        if not answer:
            raise RuntimeError(f"the process launcher ended (exit code {self._process.wait()})")
        return int(answer)

    def stop(self) -> None:
        with suppress(ProcessLookupError):
            os.killpg(self._process.pid, signal.SIGKILL)
        self._process.wait()


@functools.cache
def process_launcher() -> ProcessLauncher:
    """This test process's launcher, started on first use and stopped when pytest exits."""
    launcher = ProcessLauncher()
    atexit.register(launcher.stop)
    return launcher


@contextmanager
def running_process(
    argv: list[str], *, settings: Mapping[str, Any] | None = None
) -> Iterator[ProjectProcess]:
    """Run `python ARGV...` (a worker, a relay) on the test database; kill it afterwards.

    `settings` override Django's in the process: pass what the test changed that the
    process must see. Its output is shown if the test fails while it runs.
    """
    with tempfile.TemporaryDirectory() as folder:
        output = Path(folder) / "output.log"
        process = ProjectProcess(
            process_launcher().launch(argv, settings=settings or {}, output=output), output
        )
        try:
            yield process
        except BaseException:
            sys.stderr.write(process.output()[-4000:])
            raise
        finally:
            # The test is over and checks nothing of a graceful stop, which takes a Celery
            # worker over a second.
            process.kill()


def wait_until(condition: Callable[[], bool], *, seconds: float = 30, what: str) -> None:
    """Poll `condition` until it holds; fail the test after `seconds`."""
    deadline = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"gave up after {seconds} s waiting for {what}")
        time.sleep(0.05)
