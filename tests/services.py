"""The real things the full tier runs baked projects on: interpreters, uv, PostgreSQL."""

import os
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from bench import machine
from bench.machine import MachineError


def find_python(version: str) -> str:
    """An interpreter of `version`, found explicitly: PATH first, then pyenv's versions."""
    try:
        return machine.find_python(version)
    except MachineError as error:
        pytest.fail(str(error))


@contextmanager
def fresh_postgres_database() -> Iterator[str]:
    """The name of a new, empty database for one baked project; dropped afterwards."""
    try:
        with machine.fresh_postgres_database("modulith") as name:
            yield name
    except MachineError as error:
        pytest.fail(str(error))


def project_environment(python: str, **extra: str) -> dict[str, str]:
    """The environment a developer would run a baked project in, pointed at one interpreter."""
    env = {key: value for key, value in os.environ.items() if key != "VIRTUAL_ENV"}
    # uv and the template's tools live beside this interpreter (the template's own venv).
    env["PATH"] = f"{Path(sys.executable).parent}{os.pathsep}{env.get('PATH', '')}"
    env["UV_PYTHON"] = python
    env["UV_PYTHON_DOWNLOADS"] = "never"
    env.update(extra)
    return env


def run_in_project(project: Path, command: list[str], env: dict[str, str]) -> str:
    """Run `command` in a baked project, fail the test if it fails, and return its output."""
    result = subprocess.run(
        command, cwd=project, env=env, capture_output=True, text=True, check=False
    )
    output = result.stdout + result.stderr
    assert result.returncode == 0, f"{' '.join(command)} failed:\n{output[-6000:]}"
    return output
