"""Task throughput: the same small task through each task-queue backend the template offers.

    uv run python bench/task_throughput.py [--tasks 5000] [--json PATH]

Run from the template root, with PostgreSQL (5432, trust auth for user postgres), Redis (6379)
and RabbitMQ (5672, guest/guest) on 127.0.0.1. Every backend is measured in the same run: for
each, a project is baked and installed with uv, and given a fresh database. Its test settings
install a probe task that inserts one row and counts its key's rows: two small queries a task.

All tasks are enqueued first, with no worker running; then the workers start (two `db_worker`
processes, or one Celery worker with two prefork children) and run until every task has left
its row. Measured per backend:

- enqueue/s: `enqueue_on_commit()` calls per second outside a transaction, in one process;
- drain tasks/s: tasks per second from launching the workers to the last row written, so the
  workers' start-up counts;
- steady tasks/s: tasks per second from the first row written to the last.

The ratio column compares drain rates with Celery on Redis.
"""

import argparse
import os
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import closing, contextmanager, suppress
from dataclasses import asdict, dataclass
from functools import partial
from pathlib import Path
from typing import Any, TextIO

import results_file
from cookiecutter.main import cookiecutter
from machine import POSTGRES_URL, MachineError, find_python, fresh_postgres_database, psql

TEMPLATE_DIR = Path(__file__).resolve().parents[1]
# A Redis database of its own, so that purging the queue cannot drop another run's tasks.
REDIS_BROKER_URL = "redis://127.0.0.1:6379/7"
RABBITMQ_BROKER_URL = "amqp://guest:guest@127.0.0.1:5672//"
# Tasks run two at a time on every backend: one per core of the 2-core machines measured.
CONCURRENCY = 2
TIMEOUT_SECONDS = 300
STOP_GRACE_SECONDS = 20
POLL_SECONDS = 0.2
UV_RUN = ["uv", "run", "--no-sync"]  # the project is installed once, before anything runs

ENQUEUE_SCRIPT = """
import sys, time
from importlib import import_module

import django

django.setup()
enqueue_on_commit = import_module(sys.argv[1] + ".core.tasks").enqueue_on_commit
started = time.perf_counter()
for _ in range(int(sys.argv[2])):
    enqueue_on_commit("core_testing.record", key="bench")
print(time.perf_counter() - started)
"""


@dataclass(frozen=True)
class Backend:
    label: str
    task_queue: str
    database: str
    slug: str  # of the baked project; at most 30 characters


BACKENDS = [
    Backend(
        label="celery_redis",
        task_queue="celery_redis",
        database="postgresql",
        slug="bench_redis",
    ),
    Backend(
        label="celery_rabbitmq",
        task_queue="celery_rabbitmq",
        database="postgresql",
        slug="bench_rabbitmq",
    ),
    Backend(
        label="database (django-tasks-db)",
        task_queue="database",
        database="postgresql",
        slug="bench_database_postgresql",
    ),
    Backend(
        label="database (django-tasks-db)",
        task_queue="database",
        database="sqlite",
        slug="bench_database_sqlite",
    ),
]
BASELINE = BACKENDS[0]


@dataclass(frozen=True)
class ProbeRows:
    """How many probe rows exist, and when the first and the last were written (Unix time)."""

    count: int
    first_at: float
    last_at: float


@dataclass(frozen=True)
class Result:
    backend: str
    database: str
    tasks: int
    enqueue_per_second: float
    drain_per_second: float
    steady_per_second: float


class BenchmarkError(Exception):
    """A step failed; the message ends with the tail of the backend's log."""


def bake(backend: Backend, scratch: Path) -> Path:
    config_file = scratch / "cookiecutter.yaml"
    config_file.write_text(
        f"replay_dir: {scratch / 'replay'}\ncookiecutters_dir: {scratch / 'cookiecutters'}\n",
        encoding="utf-8",
    )
    answers = {
        "project_slug": backend.slug,
        "database": backend.database,
        "task_queue": backend.task_queue,
        "_debug": "yes",
    }
    project = cookiecutter(
        str(TEMPLATE_DIR),
        no_input=True,
        extra_context=answers,
        output_dir=str(scratch),
        config_file=str(config_file),
    )
    return Path(project)


def postgres_probe_rows(database: str) -> ProbeRows:
    to_unix_time = "coalesce(extract(epoch FROM {}), 0)"
    output = psql(
        f"SELECT count(*), {to_unix_time.format('min(created_at)')},"
        f" {to_unix_time.format('max(created_at)')} FROM core_testing_taskprobe",
        database=database,
    )
    count, first_at, last_at = output.strip().split("|")
    return ProbeRows(int(count), float(first_at), float(last_at))


def sqlite_probe_rows(path: Path) -> ProbeRows:
    # Django stores UTC datetimes as text; julianday() reads them, to a few microseconds.
    to_unix_time = "coalesce((julianday({}) - 2440587.5) * 86400.0, 0)"
    query = (
        f"SELECT count(*), {to_unix_time.format('min(created_at)')},"
        f" {to_unix_time.format('max(created_at)')} FROM core_testing_taskprobe"
    )
    with closing(sqlite3.connect(path, timeout=20)) as connection:
        return ProbeRows(*connection.execute(query).fetchone())


@contextmanager
def fresh_database(
    engine: str, name: str, scratch: Path
) -> Iterator[tuple[str, Callable[[], ProbeRows]]]:
    """A new, empty database: its URL, and how to read its probe rows. Dropped afterwards."""
    if engine == "sqlite":
        path = scratch / f"{name}.sqlite3"
        yield f"sqlite:///{path}", partial(sqlite_probe_rows, path)
        return
    with fresh_postgres_database(name) as database:
        yield f"{POSTGRES_URL}/{database}", partial(postgres_probe_rows, database)


def project_environment(*, backend: Backend, python: str, database_url: str) -> dict[str, str]:
    """The environment a developer would run the baked project in, on the test settings."""
    environment = {key: value for key, value in os.environ.items() if key != "VIRTUAL_ENV"}
    environment |= {
        # uv lives beside the interpreter running this script (the template's venv).
        "PATH": f"{Path(sys.executable).parent}{os.pathsep}{environment.get('PATH', '')}",
        "UV_PYTHON": python,
        "UV_PYTHON_DOWNLOADS": "never",
        "DJANGO_SETTINGS_MODULE": f"{backend.slug}.config.settings.test",
        "DATABASE_URL": database_url,
    }
    # The test settings run tasks inline unless told to use the real queue.
    if backend.task_queue == "database":
        environment["TASKS_BACKEND"] = "django_tasks_db.DatabaseBackend"
    else:
        environment["CELERY_TASK_ALWAYS_EAGER"] = "false"
        environment["CELERY_BROKER_URL"] = (
            REDIS_BROKER_URL if backend.task_queue == "celery_redis" else RABBITMQ_BROKER_URL
        )
    return environment


def worker_commands(backend: Backend) -> list[list[str]]:
    if backend.task_queue == "database":
        # A db_worker runs one task at a time: one process per task run in parallel.
        db_worker = [
            *UV_RUN,
            *("python", "manage.py", "db_worker", "--queue-name=*", "--interval=0.05"),
            *("--no-reload", "--no-startup-delay", "--verbosity=0"),
        ]
        return [db_worker] * CONCURRENCY
    celery_worker = [
        *UV_RUN,
        *("celery", "--app", f"{backend.slug}.config.celery", "worker", "--pool=prefork"),
        *(f"--concurrency={CONCURRENCY}", "--queues=default,low"),
        *("--without-gossip", "--without-mingle", "--without-heartbeat", "--loglevel=WARNING"),
    ]
    return [celery_worker]


def stop(process: subprocess.Popen[bytes] | subprocess.Popen[str]) -> None:
    """Stop a process started in a session of its own, and whatever it started."""
    with suppress(ProcessLookupError):
        os.killpg(process.pid, signal.SIGTERM)
    with suppress(subprocess.TimeoutExpired):
        process.wait(timeout=STOP_GRACE_SECONDS)
    # Whatever of the group is still alive goes: all of it after the grace period, or a
    # straggler that outlived its leader (a Celery pool child, say).
    with suppress(ProcessLookupError):
        os.killpg(process.pid, signal.SIGKILL)
    process.wait()


def log_tail(log: TextIO) -> str:
    log.flush()
    return Path(log.name).read_text(encoding="utf-8", errors="replace")[-3000:]


def run(command: list[str], *, cwd: Path, environment: dict[str, str], log: TextIO) -> str:
    """Run a command to completion and return its standard output; its errors go to the log."""
    process = subprocess.Popen(
        command,
        cwd=cwd,
        env=environment,
        stdout=subprocess.PIPE,
        stderr=log,
        text=True,
        start_new_session=True,
    )
    try:
        output, _ = process.communicate(timeout=TIMEOUT_SECONDS)
    except BaseException:
        stop(process)
        raise
    if process.returncode != 0:
        raise BenchmarkError(
            f"{' '.join(command)} exited with {process.returncode}:\n{log_tail(log)}"
        )
    return output


@contextmanager
def running(
    commands: list[list[str]], *, cwd: Path, environment: dict[str, str], log: TextIO
) -> Iterator[list[subprocess.Popen[bytes]]]:
    """Start the commands, each in a session of its own; stop them all on the way out."""
    processes: list[subprocess.Popen[bytes]] = []
    try:
        for command in commands:
            processes.append(
                subprocess.Popen(
                    command,
                    cwd=cwd,
                    env=environment,
                    stdout=log,
                    stderr=log,
                    start_new_session=True,
                )
            )
        yield processes
    finally:
        for process in processes:
            stop(process)


def wait_for_probe_rows(
    read_probe_rows: Callable[[], ProbeRows],
    *,
    tasks: int,
    workers: list[subprocess.Popen[bytes]],
    log: TextIO,
) -> ProbeRows:
    deadline = time.monotonic() + TIMEOUT_SECONDS
    while (rows := read_probe_rows()).count < tasks:
        if all(worker.poll() is not None for worker in workers):
            raise BenchmarkError(f"the workers exited after {rows.count} tasks:\n{log_tail(log)}")
        if time.monotonic() > deadline:
            raise BenchmarkError(
                f"{rows.count} of {tasks} tasks ran in {TIMEOUT_SECONDS} s:\n{log_tail(log)}"
            )
        time.sleep(POLL_SECONDS)
    return rows


def measure(backend: Backend, *, tasks: int, python: str, scratch: Path) -> Result:
    print(f"{backend.label} on {backend.database}: baking and installing", file=sys.stderr)
    project = bake(backend, scratch)
    slug = backend.slug
    with (
        open(scratch / f"{slug}.log", "w", encoding="utf-8") as log,
        fresh_database(backend.database, slug, scratch) as (database_url, read_probe_rows),
    ):
        environment = project_environment(backend=backend, python=python, database_url=database_url)
        in_project = partial(run, cwd=project, environment=environment, log=log)
        in_project(["uv", "sync", "--quiet"])
        in_project([*UV_RUN, "python", "manage.py", "migrate", "--verbosity=0"])
        if backend.task_queue != "database":
            in_project([*UV_RUN, "celery", "--app", f"{slug}.config.celery", "purge", "-f"])

        print(f"{backend.label} on {backend.database}: {tasks} tasks", file=sys.stderr)
        enqueue_output = in_project([*UV_RUN, "python", "-c", ENQUEUE_SCRIPT, slug, str(tasks)])
        enqueue_seconds = float(enqueue_output.split()[-1])
        # Wall-clock time, to compare with the rows' created_at written by the workers.
        launched_at = time.time()
        with running(
            worker_commands(backend), cwd=project, environment=environment, log=log
        ) as workers:
            rows = wait_for_probe_rows(read_probe_rows, tasks=tasks, workers=workers, log=log)

    return Result(
        backend=backend.label,
        database=backend.database,
        tasks=rows.count,
        enqueue_per_second=tasks / enqueue_seconds,
        drain_per_second=rows.count / (rows.last_at - launched_at),
        steady_per_second=(rows.count - 1) / (rows.last_at - rows.first_at),
    )


def ratio_to_baseline(result: Result, baseline: Result) -> float:
    return result.drain_per_second / baseline.drain_per_second


def print_table(results: list[Result], baseline: Result) -> None:
    print(
        f"{'backend':<29}{'database':<12}{'enqueue/s':>9}{'drain tasks/s':>16}"
        f"{'steady tasks/s':>17}{'x ' + BASELINE.label:>17}"
    )
    for result in results:
        print(
            f"{result.backend:<29}{result.database:<12}{result.enqueue_per_second:>9,.0f}"
            f"{result.drain_per_second:>16,.0f}{result.steady_per_second:>17,.0f}"
            f"{ratio_to_baseline(result, baseline):>17.2f}"
        )


def write_json(results: list[Result], baseline: Result, path: Path, *, run: dict[str, Any]) -> None:
    rows = [
        asdict(result) | {f"ratio_to_{BASELINE.label}": ratio_to_baseline(result, baseline)}
        for result in results
    ]
    results_file.write(rows, path, run=run)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tasks", type=int, default=5000, help="tasks per backend")
    parser.add_argument("--json", type=Path, help="also write the rows to this JSON file")
    arguments = parser.parse_args()
    if arguments.tasks < 2:
        parser.error("--tasks must be at least 2, for a steady rate between two tasks")
    # A plain kill still runs the clean-up below: workers stopped, databases dropped.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))

    started = time.monotonic()
    run = results_file.this_run()
    try:
        python = find_python("3.12")
        with tempfile.TemporaryDirectory(prefix="task-throughput-") as scratch:
            results = [
                measure(backend, tasks=arguments.tasks, python=python, scratch=Path(scratch))
                for backend in BACKENDS
            ]
    except (BenchmarkError, MachineError) as error:
        sys.exit(f"task_throughput: {error}")

    baseline = results[BACKENDS.index(BASELINE)]
    print_table(results, baseline)
    if arguments.json:
        write_json(results, baseline, arguments.json, run=run)
    print(f"whole run: {time.monotonic() - started:.0f} s", file=sys.stderr)


if __name__ == "__main__":
    main()
