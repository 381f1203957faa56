"""Read the set-up commands out of a README, and serve a project the way they do."""

import fcntl
import os
import re
import signal
import socket
import subprocess
import tempfile
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

DEVELOPMENT_SERVER = "http://127.0.0.1:8000"
# Tests that serve there take turns: test processes run side by side (pytest-xdist).
PORT_LOCK = Path(tempfile.gettempdir()) / "cookiecutter-django-modulith-port-8000.lock"


def bash_commands(readme: Path) -> list[str]:
    """The contents of the README's ```bash blocks, in order."""
    text = readme.read_text(encoding="utf-8")
    return [block.strip() for block in re.findall(r"```bash\n(.*?)```", text, re.DOTALL)]


def http_get(path: str) -> tuple[int, bytes]:
    try:
        with urllib.request.urlopen(f"{DEVELOPMENT_SERVER}{path}", timeout=5) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.read()


def _port_in_use(port: int) -> bool:
    with socket.socket() as probe:
        return probe.connect_ex(("127.0.0.1", port)) == 0


@contextmanager
def serving(
    command: str, *, cwd: Path, env: dict[str, str], seconds: float = 180
) -> Iterator[None]:
    """Run a README command that ends in runserver; yield once the site answers, then stop it."""
    with PORT_LOCK.open("a") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # released when the file closes
        with _serving(command, cwd=cwd, env=env, seconds=seconds):
            yield


@contextmanager
def _serving(command: str, *, cwd: Path, env: dict[str, str], seconds: float) -> Iterator[None]:
    if _port_in_use(8000):
        pytest.fail("port 8000 is taken; the README's command serves there")
    log = cwd / "serve.log"
    with log.open("w") as output:
        process = subprocess.Popen(
            ["bash", "-c", command],
            cwd=cwd,
            env=env,
            stdout=output,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    try:
        deadline = time.monotonic() + seconds
        while not _port_in_use(8000):
            if process.poll() is not None or time.monotonic() > deadline:
                pytest.fail(f"the server did not come up:\n{log.read_text()[-4000:]}")
            time.sleep(0.25)
        yield
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        process.wait(timeout=30)
