"""What a baked project's CI workflow, pre-commit hooks and containers must hold, per option.

The fast tier calls `assert_delivery_files` for every combination it bakes.
"""

import re
import shlex
from pathlib import Path
from typing import Any

import yaml

from tests.baking import settings_text

DOCKER_FILES = ("Dockerfile", ".dockerignore", "compose.yaml")
PINNED_ACTION = re.compile(r"^[\w.-]+/[\w.-]+@[0-9a-f]{40}$")


def backing_services(options: dict[str, str]) -> set[str]:
    """The servers the options need besides the project's own processes, as CI names them."""
    services = set()
    if options["database"] == "postgresql":
        services.add("postgres")
    if options["task_queue"] == "celery_redis" or options["event_bus"] == "redis_streams":
        services.add("redis")
    if options["task_queue"] == "celery_rabbitmq":
        services.add("rabbitmq")
    return services


def settings_variables(options: dict[str, str]) -> set[str]:
    """The variables that point the settings at those servers."""
    variables = set()
    if options["database"] == "postgresql":
        variables.add("DATABASE_URL")
    if options["task_queue"].startswith("celery"):
        variables.add("CELERY_BROKER_URL")
    if options["event_bus"] == "redis_streams":
        variables.add("EVENTS_REDIS_URL")
    return variables


def load_yaml(path: Path) -> Any:
    return yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)


def assert_delivery_files(project: Path, options: dict[str, str]) -> None:
    settings = settings_text(project / project.name)
    assert_ci_workflow(project, options, settings)
    assert_pre_commit_hooks(project)
    pyproject = (project / "pyproject.toml").read_text()
    # Production settings are served by gunicorn, static files and all (WhiteNoise).
    assert '"gunicorn==' in pyproject
    assert '"whitenoise==' in pyproject
    if options["use_docker"] == "yes":
        assert_dockerfile(project, options)
        assert_compose(project, options, settings)
    else:
        for name in DOCKER_FILES:
            assert not (project / name).exists(), name


def assert_ci_workflow(project: Path, options: dict[str, str], settings: str) -> None:
    workflow = load_yaml(project / ".github" / "workflows" / "ci.yml")
    # PyYAML reads the bare key `on` as True (YAML 1.1); GitHub reads it as "on".
    assert set(workflow[True]) == {"push", "pull_request"}
    job = workflow["jobs"]["test"]

    services = job.get("services", {})
    assert set(services) == backing_services(options)
    for name, service in services.items():
        assert "--health-cmd" in service["options"], name
        assert len(service["ports"]) == 1, name

    environment = job["env"]
    assert environment.pop("UV_LOCKED") == "1"
    assert set(environment) == settings_variables(options)
    for variable, url in environment.items():
        assert f'"{variable}"' in settings, f"the settings do not read {variable}"
        # Each URL reaches a service container through the port it publishes.
        port = re.search(r"@?127\.0\.0\.1:(\d+)/", url)
        assert port, url
        published = [p for s in services.values() for p in s["ports"]]
        assert f"{port.group(1)}:{port.group(1)}" in published, url
    if options["task_queue"] == "celery_rabbitmq":
        user = services["rabbitmq"]["env"]["RABBITMQ_DEFAULT_USER"]
        password = services["rabbitmq"]["env"]["RABBITMQ_DEFAULT_PASS"]
        assert environment["CELERY_BROKER_URL"].startswith(f"amqp://{user}:{password}@")

    steps = job["steps"]
    actions = [step["uses"] for step in steps if "uses" in step]
    assert [action.partition("@")[0] for action in actions] == [
        "actions/checkout",
        "astral-sh/setup-uv",
    ]
    assert all(PINNED_ACTION.match(action) for action in actions), actions
    commands = [step["run"] for step in steps if "run" in step]
    # No version argument: uv installs the one in .python-version.
    assert commands == ["uv python install", "uv sync", "make test"]


def assert_pre_commit_hooks(project: Path) -> None:
    """Every hook is the project's own pinned tool, run through uv: nothing is downloaded."""
    config = load_yaml(project / ".pre-commit-config.yaml")
    assert [repo["repo"] for repo in config["repos"]] == ["local"]
    hooks = config["repos"][0]["hooks"]
    assert {hook["language"] for hook in hooks} == {"system"}
    assert [hook["entry"] for hook in hooks] == [
        "uv run ruff check --fix",
        "uv run ruff format",
        "uv run lint-imports",
        "uv run mypy .",
    ]
    assert '"pre-commit==' in (project / "pyproject.toml").read_text()


def assert_dockerfile(project: Path, options: dict[str, str]) -> None:
    dockerfile = (project / "Dockerfile").read_text()
    # The image's Python is the project's (.python-version).
    assert f"\nARG PYTHON_VERSION={options['python_version']}\n" in dockerfile
    stages = re.findall(r"^FROM (\S+) AS (\w+)$", dockerfile, re.MULTILINE)
    assert [name for _, name in stages] == ["build", "runtime"]
    final_stage = dockerfile.rpartition("\nFROM ")[2]
    users = re.findall(r"^USER (\S+)$", final_stage, re.MULTILINE)
    assert users == ["app"]
    assert "useradd --system" in final_stage
    # The image gets exactly the locked versions, without the development tools.
    assert "COPY pyproject.toml uv.lock ./" in dockerfile
    assert "uv sync --locked --no-dev" in dockerfile
    assert "manage.py collectstatic --noinput" in dockerfile
    command = re.search(r"^CMD (\[.*\])$", final_stage, re.MULTILINE)
    assert command
    assert yaml.safe_load(command.group(1))[:2] == ["gunicorn", f"{project.name}.config.wsgi"]
    ignored = (project / ".dockerignore").read_text().splitlines()
    assert ".env" in ignored
    assert ".venv/" in ignored


def makefile_command(project: Path, target: str) -> list[str] | None:
    """The command of a Makefile target, without its `uv run`; None without the target."""
    found = re.search(rf"^{target}:\n\t(.+)$", (project / "Makefile").read_text(), re.MULTILINE)
    if found is None:
        return None
    command = shlex.split(found.group(1))
    assert command[:2] == ["uv", "run"]
    return command[2:]


def assert_compose(project: Path, options: dict[str, str], settings: str) -> None:
    compose = load_yaml(project / "compose.yaml")
    services = compose["services"]
    processes = {"migrate", "web", "scheduler"}
    if options["task_queue"] != "none":
        processes.add("worker")
    if options["event_bus"] != "inprocess":
        processes.add("relay")
    backing = {"db" if name == "postgres" else name for name in backing_services(options)}
    assert set(services) == processes | backing

    # The processes run what the Makefile runs in development.
    for process in processes - {"migrate", "web"}:
        expected = makefile_command(project, process)
        assert expected is not None, process
        assert services[process]["command"][: len(expected)] == expected, process
    assert "command" not in services["web"]  # the image's gunicorn
    assert services["web"]["ports"] == ["8000:8000"]
    assert services["migrate"]["command"] == ["python", "manage.py", "migrate", "--noinput"]

    # Migrate waits for every backing server to be healthy; the rest wait for migrate.
    migrate_waits_for = services["migrate"].get("depends_on", {})
    assert migrate_waits_for == {name: {"condition": "service_healthy"} for name in backing}
    for process in processes - {"migrate"}:
        assert services[process]["depends_on"] == {
            "migrate": {"condition": "service_completed_successfully"}
        }
    for name in backing:
        assert "healthcheck" in services[name], name

    environment = services["web"]["environment"]
    for process in processes:
        assert services[process]["environment"] == environment
        assert services[process]["build"] == "."
    assert environment["DJANGO_SECRET_KEY"].startswith("${DJANGO_SECRET_KEY:?")
    variables = {"DATABASE_URL"} | settings_variables(options)
    assert variables <= set(environment)
    for variable in variables:
        assert f'"{variable}"' in settings, f"the settings do not read {variable}"
    for variable in variables - {"DATABASE_URL"}:
        host = re.search(r"@?([\w.-]+):\d+/", environment[variable])
        assert host, environment[variable]
        assert host.group(1) in backing, environment[variable]
    if options["database"] == "postgresql":
        assert environment["DATABASE_URL"].startswith("postgres://")
        assert "@db:5432/" in environment["DATABASE_URL"]
        assert set(compose["volumes"]) >= {"postgres"}
    else:
        # The SQLite file lives on a volume that every process mounts.
        assert environment["DATABASE_URL"] == "sqlite:////data/db.sqlite3"
        for process in processes:
            assert services[process]["volumes"] == ["sqlite:/data"]
        assert "RUN mkdir /data && chown app:app /data" in (project / "Dockerfile").read_text()
    assert set(compose["volumes"]) == {
        "postgres" if options["database"] == "postgresql" else "sqlite",
        *(backing - {"db"}),
    }
