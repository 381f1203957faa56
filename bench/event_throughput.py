"""Event throughput: the same small event through each event bus the template offers.

    uv run --frozen python bench/event_throughput.py [--events 5000] [--json PATH]
        [--batch-size 100] [--bus outbox ...]

Run from the template root, with PostgreSQL (5432, trust auth for user postgres) and Redis
(6379) on 127.0.0.1. Every bus is measured in the same run: for each, a project is baked
(PostgreSQL, the database task queue) and installed with uv, and every measurement gets a fresh
database. The test settings install a probe event whose one handler inserts one row. The
publisher writes the event's `occurred_at` (set inside the publishing transaction) into its key,
so each row tells when its event was published and, by its `created_at`, when it was handled:
by the handler, inside the relay's transaction, so before that transaction commits.

Live, per bus and number of relay processes: the relays (`run_event_relay --interval=0.01`, all
connected before publishing starts; the `inprocess` bus has none) run while one process
publishes every event at full speed, each `publish()` in a transaction of its own, as a service
would. No task worker runs, so the relay tasks that `publish` enqueues stay queued. Measured:

- events/s: events over the time from the first event published to the last one handled;
- p50 ms, p99 ms: publish-to-handled latency per event;
- publish/s: the publisher's loop, timed in its own process while the relays run. Live events/s
  cannot exceed it: this row measures one publisher and the relays together, sharing the
  machine's cores with PostgreSQL.

Drain, for the relayed buses only: every event is published first, with no relay running; then
the relays start, and drain/s counts events per second from the first row handled to the last,
leaving the relays' start-up out: what the relays deliver when work is waiting.

The target is the outbox's, on the live rows: at least 1,000 events/s with a p99 under 1,000 ms.
"""

import argparse
import os
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager, suppress
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any, TextIO

import results_file
from cookiecutter.main import cookiecutter
from machine import POSTGRES_URL, MachineError, find_python, fresh_postgres_database, psql

TEMPLATE_DIR = Path(__file__).resolve().parents[1]
BUSES = ["outbox", "inprocess", "redis_streams", "eventbridge"]
# Relay processes per relayed bus; the machines measured have 2 cores.
RELAY_COUNTS = {"outbox": [1, 2], "inprocess": [0], "redis_streams": [2], "eventbridge": [2]}
RELAY_INTERVAL_SECONDS = 0.01
# Relays connect under this name (libpq reads PGAPPNAME), so that they can be counted.
RELAY_APPLICATION_NAME = "bench-event-relay"
TARGET_EVENTS_PER_SECOND = 1000
TARGET_P99_MS = 1000
TIMEOUT_SECONDS = 300
STOP_GRACE_SECONDS = 20
POLL_SECONDS = 0.2
UV_RUN = ["uv", "run", "--no-sync"]  # the project is installed once, before anything runs

PUBLISH_SCRIPT = """
import sys, time
from importlib import import_module

import django

django.setup()
from django.db import connection, transaction
from django.utils import timezone

slug, count = sys.argv[1], int(sys.argv[2])
publish = import_module(slug + ".core.events").publish
ProbeHappened = import_module(slug + ".core.testing.events").ProbeHappened
connection.ensure_connection()
started = time.perf_counter()
for number in range(count):
    with transaction.atomic():
        occurred_at = timezone.now()
        key = f"{number}:{occurred_at.timestamp():.6f}"
        publish(ProbeHappened(key=key, occurred_at=occurred_at))
print(time.perf_counter() - started)
"""

# The handler's rows, each with its event's occurred_at read back from the key.
HANDLED_SQL = """
WITH handled AS (
    SELECT key, created_at, to_timestamp(split_part(key, ':', 2)::double precision) AS published
    FROM core_testing_taskprobe
), latency AS (
    SELECT extract(epoch FROM created_at - published) * 1000 AS ms FROM handled
)
SELECT
    (SELECT count(DISTINCT key) FROM handled),
    (SELECT coalesce(extract(epoch FROM max(created_at) - min(published)), 0) FROM handled),
    (SELECT coalesce(extract(epoch FROM max(created_at) - min(created_at)), 0) FROM handled),
    (SELECT coalesce(percentile_cont(0.5) WITHIN GROUP (ORDER BY ms), 0) FROM latency),
    (SELECT coalesce(percentile_cont(0.99) WITHIN GROUP (ORDER BY ms), 0) FROM latency)
"""


@dataclass(frozen=True)
class Handled:
    """What the handler's rows tell: how many events, over what time, how late."""

    events: int
    first_published_to_last_seconds: float
    first_handled_to_last_seconds: float
    p50_ms: float
    p99_ms: float


@dataclass(frozen=True)
class Result:
    bus: str
    relays: int  # 0: handled in the publishing process
    events: int
    events_per_second: float
    p50_ms: float
    p99_ms: float
    publish_per_second: float
    drain_per_second: float | None  # None for the in-process bus, which has no relay


class BenchmarkError(Exception):
    """A step failed; the message ends with the tail of the bus's log."""


def slug_of(bus: str) -> str:
    return f"bench_events_{bus}"  # at most 30 characters


def bake(bus: str, scratch: Path) -> Path:
    config_file = scratch / "cookiecutter.yaml"
    config_file.write_text(
        f"replay_dir: {scratch / 'replay'}\ncookiecutters_dir: {scratch / 'cookiecutters'}\n",
        encoding="utf-8",
    )
    answers = {
        "project_slug": slug_of(bus),
        "database": "postgresql",
        "task_queue": "database",
        "event_bus": bus,
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


def handled(database: str) -> Handled:
    count, span, handling_span, p50, p99 = psql(HANDLED_SQL, database=database).strip().split("|")
    return Handled(int(count), float(span), float(handling_span), float(p50), float(p99))


def handled_count(database: str) -> int:
    return int(psql("SELECT count(DISTINCT key) FROM core_testing_taskprobe", database=database))


def connected_relays(database: str) -> int:
    return int(
        psql(
            "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database()"
            f" AND application_name = '{RELAY_APPLICATION_NAME}'",
            database=database,
        )
    )


def uv_environment(python: str) -> dict[str, str]:
    """This environment, with uv (beside this script's interpreter) running `python`."""
    environment = {key: value for key, value in os.environ.items() if key != "VIRTUAL_ENV"}
    return environment | {
        "PATH": f"{Path(sys.executable).parent}{os.pathsep}{environment.get('PATH', '')}",
        "UV_PYTHON": python,
        "UV_PYTHON_DOWNLOADS": "never",
    }


def project_environment(*, bus: str, python: str, database: str) -> dict[str, str]:
    """The environment a developer would run the baked project in, on the test settings."""
    return uv_environment(python) | {
        "DJANGO_SETTINGS_MODULE": f"{slug_of(bus)}.config.settings.test",
        "DATABASE_URL": f"{POSTGRES_URL}/{database}",
        # The test settings run tasks inline unless told to use the real queue.
        "TASKS_BACKEND": "django_tasks_db.DatabaseBackend",
    }


def stop(process: subprocess.Popen[bytes] | subprocess.Popen[str]) -> None:
    """Stop a process started in a session of its own, and whatever it started."""
    with suppress(ProcessLookupError):
        os.killpg(process.pid, signal.SIGTERM)
    with suppress(subprocess.TimeoutExpired):
        process.wait(timeout=STOP_GRACE_SECONDS)
    # Whatever of the group is still alive goes: all of it after the grace period, or a
    # straggler that outlived its leader (the Python that `uv run` started, say).
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


def wait_until(
    is_done: Callable[[], bool], *, what: str, relays: list[subprocess.Popen[bytes]], log: TextIO
) -> None:
    """Poll until `is_done()`, failing when a relay has exited or after TIMEOUT_SECONDS."""
    deadline = time.monotonic() + TIMEOUT_SECONDS
    while not is_done():
        if any(relay.poll() is not None for relay in relays):
            raise BenchmarkError(f"a relay exited while waiting for {what}:\n{log_tail(log)}")
        if time.monotonic() > deadline:
            raise BenchmarkError(f"no {what} after {TIMEOUT_SECONDS} s:\n{log_tail(log)}")
        time.sleep(POLL_SECONDS)


def wait_for_handled(
    database: str, *, events: int, relays: list[subprocess.Popen[bytes]], log: TextIO
) -> None:
    wait_until(
        lambda: handled_count(database) >= events,
        what=f"{events} events handled",
        relays=relays,
        log=log,
    )


@dataclass(frozen=True)
class Project:
    """A baked project, and how to run commands in it against a given database."""

    bus: str
    path: Path
    python: str
    log: TextIO

    def install(self) -> None:
        run(
            ["uv", "sync", "--quiet"],
            cwd=self.path,
            environment=uv_environment(self.python),
            log=self.log,
        )

    def environment(self, database: str) -> dict[str, str]:
        return project_environment(bus=self.bus, python=self.python, database=database)

    def run(self, command: list[str], *, database: str) -> str:
        return run(command, cwd=self.path, environment=self.environment(database), log=self.log)

    def relays(
        self, count: int, *, batch_size: int, database: str
    ) -> AbstractContextManager[list[subprocess.Popen[bytes]]]:
        """`count` relay processes, running until the context exits."""
        relay = [
            *UV_RUN,
            *("python", "manage.py", "run_event_relay", f"--interval={RELAY_INTERVAL_SECONDS}"),
            f"--batch-size={batch_size}",
        ]
        environment = self.environment(database) | {"PGAPPNAME": RELAY_APPLICATION_NAME}
        return running([relay] * count, cwd=self.path, environment=environment, log=self.log)

    def migrate(self, database: str) -> None:
        self.run([*UV_RUN, "python", "manage.py", "migrate", "--verbosity=0"], database=database)

    def publish(self, events: int, *, database: str) -> float:
        """Publish `events` probe events, one transaction each; return the seconds it took."""
        command = [*UV_RUN, "python", "-c", PUBLISH_SCRIPT, slug_of(self.bus), str(events)]
        return float(self.run(command, database=database).split()[-1])


def measure_live(
    project: Project, *, relays: int, events: int, batch_size: int
) -> tuple[Handled, float]:
    """Publish with the relays running; what was handled, and the publishing rate."""
    with fresh_postgres_database(slug_of(project.bus)) as database:
        project.migrate(database)
        with project.relays(relays, batch_size=batch_size, database=database) as relay_run:
            # A relay connects as it starts polling, and keeps its connection.
            wait_until(
                lambda: connected_relays(database) >= relays,
                what=f"{relays} relays connected",
                relays=relay_run,
                log=project.log,
            )
            publish_seconds = project.publish(events, database=database)
            wait_for_handled(database, events=events, relays=relay_run, log=project.log)
        return handled(database), events / publish_seconds


def measure_drain(project: Project, *, relays: int, events: int, batch_size: int) -> Handled:
    """Publish everything first, then let the relays drain it."""
    with fresh_postgres_database(slug_of(project.bus)) as database:
        project.migrate(database)
        project.publish(events, database=database)
        with project.relays(relays, batch_size=batch_size, database=database) as relay_run:
            wait_for_handled(database, events=events, relays=relay_run, log=project.log)
        return handled(database)


def measure_bus(
    bus: str, *, events: int, batch_size: int, python: str, scratch: Path
) -> list[Result]:
    print(f"{bus}: baking and installing", file=sys.stderr)
    path = bake(bus, scratch)
    results = []
    with open(scratch / f"{slug_of(bus)}.log", "w", encoding="utf-8") as log:
        project = Project(bus=bus, path=path, python=python, log=log)
        project.install()
        for relays in RELAY_COUNTS[bus]:
            print(f"{bus}, {relays or 'no'} relay(s): {events} events, live", file=sys.stderr)
            live, publish_rate = measure_live(
                project, relays=relays, events=events, batch_size=batch_size
            )
            drain = None
            if relays:
                print(f"{bus}, {relays} relay(s): {events} events, drain", file=sys.stderr)
                drain = measure_drain(project, relays=relays, events=events, batch_size=batch_size)
            results.append(result_of(bus, relays, live, publish_rate, drain))
    return results


def result_of(
    bus: str, relays: int, live: Handled, publish_rate: float, drain: Handled | None
) -> Result:
    return Result(
        bus=bus,
        relays=relays,
        events=live.events,
        events_per_second=live.events / live.first_published_to_last_seconds,
        p50_ms=live.p50_ms,
        p99_ms=live.p99_ms,
        publish_per_second=publish_rate,
        drain_per_second=(
            (drain.events - 1) / drain.first_handled_to_last_seconds if drain is not None else None
        ),
    )


def meets_target(result: Result) -> bool:
    return result.events_per_second >= TARGET_EVENTS_PER_SECOND and result.p99_ms < TARGET_P99_MS


def target_verdict(results: list[Result]) -> str:
    outbox = [result for result in results if result.bus == "outbox"]
    if not outbox:
        return "not measured"
    verdicts = ", ".join(
        f"{result.relays} relay(s): {'met' if meets_target(result) else 'not met'}"
        for result in outbox
    )
    return f"{'met' if any(map(meets_target, outbox)) else 'not met'} ({verdicts})"


def print_table(results: list[Result]) -> None:
    print(
        f"{'bus':<16}{'relays':<8}{'events/s':>9}{'p50 ms':>9}{'p99 ms':>9}"
        f"{'publish/s':>11}{'drain/s':>9}"
    )
    for result in results:
        drain = f"{result.drain_per_second:,.0f}" if result.drain_per_second is not None else "-"
        print(
            f"{result.bus:<16}{result.relays or '-':<8}{result.events_per_second:>9,.0f}"
            f"{result.p50_ms:>9,.1f}{result.p99_ms:>9,.1f}"
            f"{result.publish_per_second:>11,.0f}{drain:>9}"
        )
    print(
        f"target: outbox >= {TARGET_EVENTS_PER_SECOND:,} events/s with p99 < {TARGET_P99_MS:,}"
        f" ms: {target_verdict(results)}"
    )


def write_json(results: list[Result], path: Path, *, run: dict[str, Any]) -> None:
    results_file.write([asdict(result) for result in results], path, run=run)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=5000, help="events per measurement")
    parser.add_argument(
        "--batch-size", type=int, default=100, help="publications per relay transaction"
    )
    parser.add_argument(
        "--bus", action="append", choices=BUSES, help="measure only this bus (repeatable)"
    )
    parser.add_argument("--json", type=Path, help="also write the rows to this JSON file")
    arguments = parser.parse_args()
    if arguments.events < 2:
        parser.error("--events must be at least 2, for a rate between two events")
    # A plain kill still runs the clean-up below: relays stopped, databases dropped.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))

    started = time.monotonic()
    run = results_file.this_run()
    print(f"load average before the run: {run['load_average_before']:.2f}", file=sys.stderr)
    try:
        python = find_python("3.12")
        with tempfile.TemporaryDirectory(prefix="event-throughput-") as scratch:
            results = [
                result
                for bus in arguments.bus or BUSES
                for result in measure_bus(
                    bus,
                    events=arguments.events,
                    batch_size=arguments.batch_size,
                    python=python,
                    scratch=Path(scratch),
                )
            ]
    except (BenchmarkError, MachineError) as error:
        sys.exit(f"event_throughput: {error}")

    print_table(results)
    if arguments.json:
        write_json(results, arguments.json, run=run)
    print(f"whole run: {time.monotonic() - started:.0f} s", file=sys.stderr)


if __name__ == "__main__":
    main()
