"""Full tier: install baked projects and run their own test command on the real services."""

import json
import os
import re
import shlex
import subprocess
import time
import urllib.error
from pathlib import Path

import pytest

from tests.baking import OPTIONS, bake
from tests.readme import http_get, serving
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


def test_pre_commit_hooks_pass_on_a_fresh_project_and_catch_a_lint_error(
    output_dir: Path, cookiecutter_config: Path, tmp_path: Path
) -> None:
    """The hooks run the project's own tools offline: clean after baking, failing on a fault."""
    project = bake(output_dir, cookiecutter_config)
    env = project_environment(
        find_python(DEFAULT_PYTHON), PRE_COMMIT_HOME=str(tmp_path / "pre-commit-home")
    )
    # mypy joins the project's dev tools in a change of its own; until then its hook can't run.
    if '"mypy==' not in (project / "pyproject.toml").read_text():
        env["SKIP"] = "mypy"
    run_in_project(project, ["git", "init", "--quiet"], env)
    run_in_project(project, ["git", "add", "--all"], env)

    output = run_in_project(project, ["uv", "run", "pre-commit", "run", "--all-files"], env)

    for hook in ["ruff check", "ruff format", "import contracts"]:
        assert re.search(rf"^{hook}.*Passed$", output, re.MULTILINE), output
    if "SKIP" not in env:
        assert re.search(r"^mypy\.+Passed$", output, re.MULTILINE), output

    urls = project / project.name / "config" / "urls.py"
    urls.write_text("import os\n" + urls.read_text())
    run_in_project(project, ["git", "add", "--all"], env)
    failed = subprocess.run(
        ["uv", "run", "pre-commit", "run", "--all-files"],
        cwd=project,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert failed.returncode == 1
    assert "import os" not in urls.read_text()  # ruff check --fix removed it


def first_answer(path: str, *, seconds: float = 60) -> tuple[int, bytes]:
    """GET `path` from a server whose port is open but whose workers may still be starting."""
    deadline = time.monotonic() + seconds
    while True:
        try:
            return http_get(path)
        except (TimeoutError, ConnectionError, urllib.error.URLError):
            if time.monotonic() > deadline:
                raise
            time.sleep(0.5)


def test_the_image_build_steps_and_command_work_without_docker(
    output_dir: Path, cookiecutter_config: Path
) -> None:
    """The Dockerfile's install, collectstatic and gunicorn, run as written, in the project."""
    project = bake(output_dir, cookiecutter_config, use_docker="yes")
    env = project_environment(find_python(DEFAULT_PYTHON))
    dockerfile = (project / "Dockerfile").read_text().replace("\\\n", " ")
    run_in_project(project, ["uv", "lock"], env)
    # .dockerignore keeps .env out of the image.
    (project / ".env").unlink()

    for step in re.findall(
        r"^RUN (?:--mount=\S+ )?(.*(?:uv sync|collectstatic).*)$", dockerfile, re.MULTILINE
    ):
        run_in_project(project, ["bash", "-c", step], env)

    assert (project / "staticfiles" / "admin" / "css" / "base.css").is_file()
    command = json.loads(re.search(r"^CMD (\[.*\])$", dockerfile, re.MULTILINE).group(1))
    database = project / "production.sqlite3"
    serve_env = {
        **env,
        "PATH": f"{project / '.venv' / 'bin'}{os.pathsep}{env['PATH']}",
        "DJANGO_SETTINGS_MODULE": f"{project.name}.config.settings.production",
        "DJANGO_SECRET_KEY": "a-secret-for-this-test-only",
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1",
        "DJANGO_SECURE_SSL_REDIRECT": "false",
        "DATABASE_URL": f"sqlite:///{database}",
    }
    run_in_project(project, ["python", "manage.py", "migrate", "--noinput"], serve_env)
    with serving(shlex.join(command), cwd=project, env=serve_env):
        status, body = first_answer("/admin/login/")
        stylesheet = re.search(rb'href="(/static/admin/css/base\.[0-9a-f]+\.css)"', body)
        assert stylesheet, body[:2000]
        static_status, css = http_get(stylesheet.group(1).decode())
    assert status == 200
    assert b"csrfmiddlewaretoken" in body
    # The web process serves the collected, hashed static files itself.
    assert static_status == 200
    assert b"body" in css
