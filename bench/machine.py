"""What this machine offers the benchmarks and the template's tests: interpreters, PostgreSQL.

Benchmarks import it as `machine` (they run from bench/); the tests as `bench.machine`.
"""

import glob
import os
import shutil
import subprocess
import uuid
from collections.abc import Iterator
from contextlib import contextmanager

# The superuser's URL, without a database; MODULITH_TEST_POSTGRES points elsewhere.
POSTGRES_URL = os.environ.get("MODULITH_TEST_POSTGRES", "postgres://postgres@127.0.0.1:5432")


class MachineError(Exception):
    """Something the benchmarks or tests need is missing or refused here."""


def _reports_version(executable: str, version: str) -> bool:
    probe = subprocess.run(
        [executable, "-c", "import sys; print('%d.%d' % sys.version_info[:2])"],
        capture_output=True,
        text=True,
        check=False,
    )
    return probe.returncode == 0 and probe.stdout.strip() == version


def find_python(version: str) -> str:
    """An interpreter of `version` that really runs (a pyenv shim may not): PATH, then pyenv."""
    pyenv_root = os.environ.get("PYENV_ROOT", os.path.expanduser("~/.pyenv"))
    candidates = [
        shutil.which(f"python{version}"),
        *sorted(glob.glob(f"{pyenv_root}/versions/{version}.*/bin/python{version}"), reverse=True),
    ]
    for candidate in filter(None, candidates):
        if _reports_version(candidate, version):
            return candidate
    raise MachineError(f"no Python {version} found on PATH or under {pyenv_root}/versions")


def psql(sql: str, *, database: str = "postgres") -> str:
    """Run one statement as the PostgreSQL superuser and return its unaligned output."""
    executable = shutil.which("psql")
    if executable is None:
        raise MachineError("psql is needed to create databases on PostgreSQL")
    result = subprocess.run(
        [executable, f"{POSTGRES_URL}/{database}", "-v", "ON_ERROR_STOP=1", "-qAt", "-c", sql],
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
    )
    if result.returncode != 0:
        raise MachineError(f"PostgreSQL at {POSTGRES_URL} refused {sql!r}: {result.stderr.strip()}")
    return result.stdout


@contextmanager
def fresh_postgres_database(prefix: str) -> Iterator[str]:
    """The name of a new, empty database; dropped afterwards with the test databases
    pytest-django made from it (test_<name>, test_<name>_gw0, ...)."""
    name = f"{prefix}_{uuid.uuid4().hex[:12]}"
    psql(f'CREATE DATABASE "{name}"')
    try:
        yield name
    finally:
        test_databases = psql(
            f"SELECT datname FROM pg_database WHERE datname LIKE 'test\\_{name}%'"
        ).split()
        for database in [name, *test_databases]:
            psql(f'DROP DATABASE IF EXISTS "{database}" WITH (FORCE)')
