"""Full tier: install baked projects and run their own test command on the real services."""

import json
import os
import re
import secrets
import shlex
import subprocess
import time
import urllib.error
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from bench.machine import POSTGRES_URL, psql
from tests.baking import OPTIONS, all_pairs_combinations, bake, combination_id
from tests.readme import http_get, serving
from tests.services import (
    find_python,
    fresh_postgres_database,
    project_environment,
    run_in_project,
)

pytestmark = pytest.mark.full

DEFAULT_PYTHON = OPTIONS["python_version"][0]
SLUG = "shop"


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
# Every pair of option values at least once: the defaults, then every task queue with every
# event bus on PostgreSQL and the real brokers, the other options spread to cover the pairs.
FULL_COMBINATIONS = all_pairs_combinations(
    required=[
        {},
        *(
            {"database": "postgresql", "task_queue": task_queue, "event_bus": event_bus}
            for task_queue in OPTIONS["task_queue"]
            for event_bus in OPTIONS["event_bus"]
        ),
    ]
)


@contextmanager
def database_environment(database: str) -> Iterator[dict[str, str]]:
    """The variables pointing a project at its own database: a fresh one on PostgreSQL."""
    if database != "postgresql":
        yield {}
        return
    with fresh_postgres_database() as name:
        yield {"DATABASE_URL": f"{POSTGRES_URL}/{name}"}


def production_environment(env: dict[str, str]) -> dict[str, str]:
    return {
        **env,
        "DJANGO_SETTINGS_MODULE": f"{SLUG}.config.settings.production",
        "DJANGO_SECRET_KEY": secrets.token_urlsafe(50),
        "DJANGO_ALLOWED_HOSTS": "example.com",
    }


@pytest.mark.parametrize("combination", FULL_COMBINATIONS, ids=combination_id)
def test_project_passes_its_own_test_command_and_deploy_check(
    combination: dict[str, str], output_dir: Path, cookiecutter_config: Path
) -> None:
    project = bake(output_dir, cookiecutter_config, project_slug=SLUG, **combination)
    python = find_python(combination["python_version"])

    with database_environment(combination["database"]) as database_env:
        env = project_environment(python, **database_env)
        output = run_in_project(project, ["make", "test"], env)
        deploy = run_in_project(
            project,
            ["uv", "run", "python", "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
            production_environment(env),
        )
        run_in_project(project, ["uv", "run", "python", "manage.py", "migrate"], env)
        if combination["database"] == "postgresql":
            tables = psql(
                "SELECT tablename FROM pg_tables WHERE schemaname = 'public'",
                database=env["DATABASE_URL"].rsplit("/", 1)[1],
            ).split()
            assert expected_tables(combination) <= set(tables)

    examples = combination["include_example_modules"] == "yes"
    assert_whole_test_command_ran(output, at_least=120 if examples else 10)
    # Silenced on purpose, and only that: security.W021, HSTS preload is an explicit opt-in.
    assert "System check identified no issues (1 silenced)." in deploy
    interpreter = run_in_project(project, ["uv", "run", "python", "--version"], env)
    assert f"Python {combination['python_version']}." in interpreter


def expected_tables(combination: dict[str, str]) -> set[str]:
    """What migrate must have created on PostgreSQL, the database cache's table included."""
    expected = {"django_cache"} | TASK_QUEUE_TABLES[combination["task_queue"]]
    if combination["event_bus"] != "inprocess":
        expected |= OUTBOX_TABLES
    if combination["include_example_modules"] == "yes":
        expected |= {"orders_order", "inventory_stockitem"}
    return expected


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
