"""Full tier: install baked projects and run their own test command on the real services."""

import re
from pathlib import Path

import pytest

from tests.baking import OPTIONS, bake
from tests.services import (
    POSTGRES_ADMIN_URL,
    find_python,
    fresh_postgres_database,
    project_environment,
    psql,
    run_in_project,
)

pytestmark = pytest.mark.full

DEFAULT_PYTHON = OPTIONS["python_version"][0]


def passed_count(output: str) -> int:
    """The number of passed tests in pytest's summary line, which must report no failure."""
    summary = re.search(r"^=+ (.*) in [\d.]+s", output, re.MULTILINE)
    assert summary, "no pytest summary in the output"
    assert "failed" not in summary.group(1)
    assert "error" not in summary.group(1)
    passed = re.search(r"(\d+) passed", summary.group(1))
    assert passed, summary.group(0)
    return int(passed.group(1))


def assert_whole_test_command_ran(output: str, *, at_least: int) -> None:
    assert passed_count(output) >= at_least
    assert "System check identified no issues (0 silenced)." in output
    assert "No changes detected" in output
    assert "All checks passed!" in output
    assert re.search(r"Contracts: \d+ kept, 0 broken\.", output)
    assert re.search(r"^Success: no issues found in \d+ source files$", output, re.MULTILINE)
    assert re.search(r"\d+ files already formatted", output)


# Tables that show which task backend and event bus the project's migrations set up.
TASK_QUEUE_TABLES = {
    "database": {"django_tasks_database_dbtaskresult"},
    "celery_redis": {"django_celery_results_taskresult"},
    "celery_rabbitmq": {"django_celery_results_taskresult"},
    "none": set(),
}
OUTBOX_TABLES = {"core_events_eventrecord", "core_events_eventpublication"}
DEFAULT_TASK_QUEUE = OPTIONS["task_queue"][0]
DEFAULT_EVENT_BUS = OPTIONS["event_bus"][0]

# SQLite with each task queue (on the default bus) and each bus (on the default queue).
SQLITE_COMBINATIONS = [(queue, DEFAULT_EVENT_BUS) for queue in OPTIONS["task_queue"]] + [
    (DEFAULT_TASK_QUEUE, bus) for bus in OPTIONS["event_bus"][1:]
]


@pytest.mark.parametrize(("task_queue", "event_bus"), SQLITE_COMBINATIONS)
def test_sqlite_project_passes_its_own_test_command(
    task_queue: str, event_bus: str, output_dir: Path, cookiecutter_config: Path
) -> None:
    project = bake(output_dir, cookiecutter_config, task_queue=task_queue, event_bus=event_bus)
    env = project_environment(find_python(DEFAULT_PYTHON))

    output = run_in_project(project, ["make", "test"], env)

    assert_whole_test_command_ran(output, at_least=120)


@pytest.mark.parametrize("event_bus", OPTIONS["event_bus"])
@pytest.mark.parametrize("task_queue", OPTIONS["task_queue"])
def test_postgresql_project_passes_its_own_test_command_and_migrates(
    task_queue: str, event_bus: str, output_dir: Path, cookiecutter_config: Path
) -> None:
    """Every event bus with every task queue, on PostgreSQL and the real brokers."""
    project = bake(
        output_dir,
        cookiecutter_config,
        database="postgresql",
        task_queue=task_queue,
        event_bus=event_bus,
    )

    with fresh_postgres_database() as database:
        env = project_environment(
            find_python(DEFAULT_PYTHON), DATABASE_URL=f"{POSTGRES_ADMIN_URL}/{database}"
        )
        output = run_in_project(project, ["make", "test"], env)
        run_in_project(project, ["uv", "run", "python", "manage.py", "migrate"], env)
        tables = psql(
            "SELECT tablename FROM pg_tables WHERE schemaname = 'public'", database=database
        ).split()

    assert_whole_test_command_ran(output, at_least=120)
    # migrate ran on PostgreSQL itself, and created the database cache's table with it.
    expected = {"django_cache", "orders_order", "inventory_stockitem"}
    expected |= TASK_QUEUE_TABLES[task_queue]
    if event_bus != "inprocess":
        expected |= OUTBOX_TABLES
    assert expected <= set(tables)


@pytest.mark.parametrize("python_version", OPTIONS["python_version"][1:])
def test_project_on_a_newer_python_passes_its_own_test_command(
    python_version: str, output_dir: Path, cookiecutter_config: Path
) -> None:
    project = bake(output_dir, cookiecutter_config, python_version=python_version)
    env = project_environment(find_python(python_version))

    output = run_in_project(project, ["make", "test"], env)

    assert_whole_test_command_ran(output, at_least=120)
    interpreter = run_in_project(project, ["uv", "run", "python", "--version"], env)
    assert f"Python {python_version}." in interpreter


def test_project_without_examples_passes_its_own_test_command(
    output_dir: Path, cookiecutter_config: Path
) -> None:
    project = bake(output_dir, cookiecutter_config, include_example_modules="no")
    env = project_environment(find_python(DEFAULT_PYTHON))

    output = run_in_project(project, ["make", "test"], env)

    assert_whole_test_command_ran(output, at_least=10)


def test_project_passes_its_own_test_command_after_startmodule(
    output_dir: Path, cookiecutter_config: Path
) -> None:
    """A bare project grows two modules; its whole test command still passes, with their tests."""
    project = bake(output_dir, cookiecutter_config, include_example_modules="no")
    env = project_environment(find_python(DEFAULT_PYTHON))
    baseline = passed_count(run_in_project(project, ["uv", "run", "pytest"], env))

    for name in ("billing", "customer_accounts"):
        run_in_project(project, ["uv", "run", "python", "manage.py", "startmodule", name], env)
    run_in_project(project, ["uv", "run", "python", "manage.py", "migrate"], env)
    output = run_in_project(project, ["make", "test"], env)

    assert_whole_test_command_ran(output, at_least=baseline + 2 * 13)
    assert "Contracts: 6 kept, 0 broken." in output
