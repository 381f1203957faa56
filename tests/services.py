"""The real things the full tier runs baked projects on: interpreters, uv, PostgreSQL."""

import glob
import os
import shutil
import subprocess
import sys
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

POSTGRES_ADMIN_URL = os.environ.get("MODULITH_TEST_POSTGRES", "postgres://postgres@127.0.0.1:5432")


def _reports_version(executable: str, version: str) -> bool:
    probe = subprocess.run(
        [executable, "-c", "import sys; print('%d.%d' % sys.version_info[:2])"],
        capture_output=True,
        text=True,
        check=False,
    )
    return probe.returncode == 0 and probe.stdout.strip() == version


def find_python(version: str) -> str:
    """An interpreter of `version`, found explicitly: PATH first, then pyenv's versions."""
    pyenv_root = os.environ.get("PYENV_ROOT", os.path.expanduser("~/.pyenv"))
    candidates = [
        shutil.which(f"python{version}"),
        *sorted(glob.glob(f"{pyenv_root}/versions/{version}.*/bin/python{version}"), reverse=True),
    ]
    for candidate in candidates:
        if candidate and _reports_version(candidate, version):
            return candidate
    pytest.fail(f"no Python {version} interpreter found on PATH or under {pyenv_root}/versions")


def project_environment(python: str, **extra: str) -> dict[str, str]:
    """The environment a developer would run a baked project in, pointed at one interpreter."""
    env = {key: value for key, value in os.environ.items() if key != "VIRTUAL_ENV"}
    # uv and the template's tools live beside this interpreter (the template's own venv).
    env["PATH"] = f"{Path(sys.executable).parent}{os.pathsep}{env.get('PATH', '')}"
    env["UV_PYTHON"] = python
    env["UV_PYTHON_DOWNLOADS"] = "never"
    env.update(extra)
    return env


def psql(sql: str, *, database: str = "postgres") -> str:
    """Run one statement as the PostgreSQL superuser and return its unaligned output."""
    psql = shutil.which("psql")
    if psql is None:
        pytest.fail("psql is needed to create the test databases on PostgreSQL")
    result = subprocess.run(
        [psql, f"{POSTGRES_ADMIN_URL}/{database}", "-v", "ON_ERROR_STOP=1", "-qAt", "-c", sql],
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode != 0:
        pytest.fail(f"PostgreSQL at {POSTGRES_ADMIN_URL} refused {sql!r}: {result.stderr.strip()}")
    return result.stdout


@contextmanager
def fresh_postgres_database() -> Iterator[str]:
    """The name of a new, empty database for one baked project; dropped afterwards."""
    name = f"modulith_{uuid.uuid4().hex[:12]}"
    psql(f'CREATE DATABASE "{name}"')
    try:
        yield name
    finally:
        # Test databases too: pytest-django makes one per xdist process (test_<name>_gw0, ...).
        test_databases = psql(
            f"SELECT datname FROM pg_database WHERE datname LIKE 'test\\_{name}%'"
        ).split()
        for database in [name, *test_databases]:
            psql(f'DROP DATABASE IF EXISTS "{database}" WITH (FORCE)')


def run_in_project(project: Path, command: list[str], env: dict[str, str]) -> str:
    """Run `command` in a baked project, fail the test if it fails, and return its output."""
    result = subprocess.run(
        command, cwd=project, env=env, capture_output=True, text=True, check=False
    )
    output = result.stdout + result.stderr
    assert result.returncode == 0, f"{' '.join(command)} failed:\n{output[-6000:]}"
    return output
