"""Read the commands out of a README, and serve a project the way they do."""

import email
import fcntl
import json
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
from email.message import Message
from pathlib import Path
from typing import Any

import pytest

DEVELOPMENT_SERVER = "http://127.0.0.1:8000"
# Tests that serve there take turns: test processes run side by side (pytest-xdist).
PORT_LOCK = Path(tempfile.gettempdir()) / "cookiecutter-django-modulith-port-8000.lock"


def bash_commands(readme: Path) -> list[str]:
    """The contents of the README's ```bash blocks, in order."""
    text = readme.read_text(encoding="utf-8")
    return [block.strip() for block in re.findall(r"```bash\n(.*?)```", text, re.DOTALL)]


def section(readme: Path, heading: str) -> str:
    """The README's `## heading` section, up to the next section."""
    text = readme.read_text(encoding="utf-8")
    found = re.search(
        rf"^## {re.escape(heading)}\n(.*?)(?=^## |\Z)", text, re.DOTALL | re.MULTILINE
    )
    assert found, f"the README has no section {heading!r}"
    return found.group(1)


def shell_commands(text: str) -> list[str]:
    """The contents of the ```sh blocks in `text`, in order."""
    return [block.strip() for block in re.findall(r"```sh\n(.*?)```", text, re.DOTALL)]


def command_calling(commands: list[str], path: str) -> str:
    """The one command among `commands` that calls `path`."""
    calling = [command for command in commands if path in command]
    assert len(calling) == 1, f"{len(calling)} commands call {path}: {commands}"
    return calling[0]


def json_field(command: str, field: str) -> str:
    """The value the command sends for `field` in its JSON body (`-d '{"field": "value"}'`)."""
    found = re.findall(rf'"{field}": "([^"]*)"', command)
    assert len(found) == 1, f"{command!r} does not send one {field!r}"
    return found[0]


def filled_in(command: str, **values: str) -> str:
    """The command with each placeholder `<name>` replaced by `values[name]`, as a reader would."""
    for name, value in values.items():
        assert f"<{name}>" in command, f"{command!r} has no placeholder <{name}>"
        command = command.replace(f"<{name}>", value)
    assert not re.search(r"<[a-z_]+>", command), f"a placeholder is left in {command!r}"
    return command


def run_for_json(command: str, *, cwd: Path, env: dict[str, str]) -> Any:
    """Run a README command (a curl call) and return the JSON it prints."""
    result = subprocess.run(
        ["bash", "-c", command],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
    )
    assert result.returncode == 0, f"{command}\nfailed:\n{result.stderr}"
    return json.loads(result.stdout)


def printed_mails(output: str) -> list[Message]:
    """The e-mails Django's console mail backend printed into a process's output."""
    mails = []
    # The backend prints each message, then a line of 79 dashes.
    for chunk in re.split(r"^.*-{79}.*$", output, flags=re.MULTILINE)[:-1]:
        headers_end = chunk.find("\nMIME-Version: ")
        start = chunk.rfind("Content-Type: ", 0, headers_end)
        if headers_end != -1 and start != -1:
            mails.append(email.message_from_string(chunk[start:]))
    return mails


def verification_code(output: str, *, to: str) -> str | None:
    """The code of the last e-mail verification mail to `to` printed in `output`, if any."""
    for mail in reversed(printed_mails(output)):
        if mail["To"] != to:
            continue
        for part in mail.walk():
            if part.get_content_type() == "text/plain":
                payload = part.get_payload(decode=True)
                body = payload.decode(part.get_content_charset() or "utf-8", errors="replace")
                # allauth's codes are two groups of four characters: KPXW-HMTE.
                found = re.search(r"^([A-Z0-9]{4}-[A-Z0-9]{4})$", body, re.MULTILINE)
                if found:
                    return found.group(1)
    return None


def http_get(path: str, headers: dict[str, str] | None = None) -> tuple[int, bytes]:
    request = urllib.request.Request(f"{DEVELOPMENT_SERVER}{path}", headers=headers or {})
    try:
        with urllib.request.urlopen(request, timeout=5) as response:
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
    with running(command, cwd=cwd, env=env, log=log) as process:
        deadline = time.monotonic() + seconds
        while not _port_in_use(8000):
            if process.poll() is not None or time.monotonic() > deadline:
                pytest.fail(f"the server did not come up:\n{log.read_text()[-4000:]}")
            time.sleep(0.25)
        yield


@contextmanager
def running(
    command: str, *, cwd: Path, env: dict[str, str], log: Path
) -> Iterator[subprocess.Popen[bytes]]:
    """Run a README command in the background, its output in `log`; stop it and its children."""
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
        yield process
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        process.wait(timeout=30)
