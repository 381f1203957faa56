"""Fast tier: every combination of options bakes into a clean, lint-free project."""

import re
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

from tests.baking import (
    all_combinations,
    bake_ok,
    combination_id,
    module_skeleton_files,
    project_files,
    settings_text,
)
from tests.delivery import assert_delivery_files

LEFTOVER_TEMPLATE_TEXT = ("{{", "{%", "cookiecutter.")
LONGEST_SLUG = "a_project_slug_of_thirty_chars"
assert len(LONGEST_SLUG) == 30  # naming.MAX_NAME_LENGTH


def ruff(project: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """Run ruff in the baked project, so that its own configuration applies."""
    return subprocess.run(
        [sys.executable, "-m", "ruff", *args, "--no-cache", "."],
        cwd=project,
        capture_output=True,
        text=True,
        check=False,
    )


def assert_clean_under_ruff(project: Path) -> None:
    lint = ruff(project, "check")
    assert lint.returncode == 0, lint.stdout + lint.stderr
    formatting = ruff(project, "format", "--check")
    assert formatting.returncode == 0, formatting.stdout + formatting.stderr


@pytest.mark.parametrize("combination", all_combinations(), ids=combination_id)
def test_every_combination_bakes_a_clean_project(cookies, combination: dict[str, str]) -> None:
    project = bake_ok(cookies, **combination)
    slug = project.name
    package = project / slug

    assert_tree_matches_options(project, package, combination)
    for path in project_files(project):
        text = path.read_text(encoding="utf-8")
        # The module skeleton is a template of startmodule's, copied unrendered on purpose.
        markers = ("cookiecutter.",) if path.name.endswith("-tpl") else LEFTOVER_TEMPLATE_TEXT
        leftovers = [marker for marker in markers if marker in text]
        assert not leftovers, f"{path.relative_to(project)} still has {leftovers}"
        if path.suffix == ".py":
            compile(text, str(path), "exec")
    assert_clean_under_ruff(project)


def assert_tree_matches_options(project: Path, package: Path, options: dict[str, str]) -> None:
    for always in [
        "manage.py",
        "pyproject.toml",
        "Makefile",
        "README.md",
        ".env",
        ".env.example",
        ".gitignore",
        "conftest.py",
        "ARCHITECTURE.md",
        "AGENTS.md",
        "docs/modules.md",
        ".github/workflows/ci.yml",
        ".pre-commit-config.yaml",
    ]:
        assert (project / always).is_file(), always
    assert_architecture_names_every_contract(project)
    for settings in ["base", "local", "test", "production"]:
        assert (package / "config" / "settings" / f"{settings}.py").is_file()
    for kernel_file in [
        "exceptions.py",
        "models.py",
        "api/errors.py",
        "api/pagination.py",
        # Grouped by concern: what the running project says of itself, its probes, and the
        # tooling of the module layout.
        "observability/logs.py",
        "observability/correlation.py",
        "observability/middleware.py",
        "health/checks.py",
        "health/middleware.py",
        "health/task_broker.py",
        "health/event_stream.py",
        "modularity/checks.py",
        "modularity/module_map.py",
        "modularity/naming.py",
        "management/commands/modules.py",
        # Outbound calls to third parties, and the fake provider their tests talk to.
        "integrations/__init__.py",
        "integrations/breakers.py",
        "integrations/clients.py",
        "integrations/errors.py",
        "testing/provider.py",
        "tests/test_integrations.py",
        # Real processes for tests, and the task queue's side of them.
        "testing/processes.py",
        "testing/task_queue.py",
        "testing/workers.py",
    ]:
        assert (package / "core" / kernel_file).is_file(), kernel_file
    # Readiness checks each broker the options bring, and no other.
    health = package / "core" / "health"
    celery = options["task_queue"].startswith("celery")
    streams = options["event_bus"] == "redis_streams"
    redis = options["task_queue"] == "celery_redis" or streams
    assert ('"broker"' in (health / "task_broker.py").read_text()) == celery
    assert ('"event_stream"' in (health / "event_stream.py").read_text()) == streams
    assert (health / "redis_ping.py").is_file() == redis
    # Every variant file (`NAME+VARIANT`) was kept under its plain name or removed.
    assert not [path for path in project.rglob("*+*") if ".venv" not in path.parts]

    assert (project / ".python-version").read_text().strip() == options["python_version"]
    pyproject = (project / "pyproject.toml").read_text()
    assert f'requires-python = ">={options["python_version"]}"' in pyproject
    assert f'target-version = "py{options["python_version"].replace(".", "")}"' in pyproject
    assert ("psycopg" in pyproject) == (options["database"] == "postgresql")
    assert '"httpx==' in pyproject
    assert '"pybreaker==' in pyproject
    assert '"(integrations)",' in pyproject  # a module's provider clients have a layer
    settings = settings_text(package)
    assert ("CONN_MAX_AGE" in settings) == (options["database"] == "postgresql")
    assert ('"transaction_mode": "IMMEDIATE"' in settings) == (options["database"] == "sqlite")

    assert_task_queue_files(project, package, options["task_queue"])
    assert_event_bus_files(project, package, options["event_bus"])
    assert_delivery_files(project, options)
    assert_sentry_only_when_chosen(project, package, options)

    examples = options["include_example_modules"] == "yes"
    urls = (package / "config" / "urls.py").read_text()
    # Shipped as `manage.py modules --write` writes it; the project's `make test` checks that.
    module_map = (project / "docs" / "modules.md").read_text()
    for module in ["orders", "inventory"]:
        assert (package / "modules" / module).is_dir() == examples
        assert (f"modules.{module}" in settings) == examples
        assert (f"modules.{module}.urls" in urls) == examples
        assert (f"| `{module}` |" in module_map) == examples
    # The project's own user model and its accounts API, examples or not.
    assert_module_layout(package / "modules" / "users")
    assert 'AUTH_USER_MODEL = "users.User"' in settings
    assert "modules.users" in settings
    assert "modules.users.urls" in urls
    assert '"_allauth/", include("allauth.headless.urls")' in urls
    assert "| `users` |" in module_map
    # Provider settings come from the environment, documented in .env.example.
    assert ('"fulfilment": {' in settings) == examples
    assert ("FULFILMENT_BASE_URL=" in (project / ".env.example").read_text()) == examples
    if examples:
        assert_module_layout(package / "modules" / "orders")
        # Writes cross modules only as events: orders publishes, inventory handles.
        assert "class OrderPlaced(Event)" in (package / "modules/orders/events.py").read_text()
        assert "@subscribe(OrderPlaced)" in (package / "modules/inventory/handlers.py").read_text()
        # Reads cross only through the other module's api.py, from services.
        ordering = (package / "modules/orders/services/ordering.py").read_text()
        assert f"from {package.name}.modules.inventory.api import" in ordering
        # A module with background work: private tasks, public delay_* wrappers.
        assert (package / "modules" / "orders" / "tasks.py").is_file()
        assert (package / "modules" / "orders" / "services" / "tasks.py").is_file()
        # A module that calls a third party: its client, and the record of every call.
        for path in [
            "integrations/fulfilment.py",
            "services/fulfilment.py",
            "tests/test_fulfilment.py",
            "tests/test_fulfilment_delivery.py",
        ]:
            assert (package / "modules" / "orders" / path).is_file(), path
        assert_module_layout(package / "modules" / "inventory")


# The files each task-queue backend brings beside its core/tasks/backend.py; every other
# backend's are removed.
TASK_QUEUE_FILES = {
    "database": {"core/tests/test_worker_database.py"},
    "celery": {
        "config/celery.py",
        "config/tests/test_worker_celery.py",
        "config/tests/test_celery_beat.py",
        "core/testing/celery_pool.py",
        "core/testing/broker_queues.py",
    },
    "inline": set(),
    "scheduler": {"core/tasks/scheduler.py", "core/management/commands/run_scheduler.py"},
}
# How each backend's core/tasks/backend.py begins.
TASK_QUEUE_BACKENDS = {
    "database": "The database is the queue",
    "celery_redis": "Celery runs the tasks",
    "celery_rabbitmq": "Celery runs the tasks",
    "none": "No queue",
}
TASK_QUEUE_GROUPS = {
    "database": {"database", "scheduler"},
    "celery_redis": {"celery"},
    "celery_rabbitmq": {"celery"},
    "none": {"inline", "scheduler"},
}
TASK_QUEUE_DEPENDENCIES = {
    "database": ["django-tasks-db=="],
    "celery_redis": ["celery[redis]==", "django-celery-results=="],
    "celery_rabbitmq": ['"celery==', "django-celery-results=="],
    "none": [],
}


def assert_task_queue_files(project: Path, package: Path, task_queue: str) -> None:
    kept = TASK_QUEUE_GROUPS[task_queue]
    for group, paths in TASK_QUEUE_FILES.items():
        for path in paths:
            assert (package / path).is_file() == (group in kept), f"{task_queue}: {path}"
    backend = (package / "core" / "tasks" / "backend.py").read_text()
    assert backend.startswith(f'"""{TASK_QUEUE_BACKENDS[task_queue]}'), backend[:80]

    pyproject = (project / "pyproject.toml").read_text()
    for dependency in TASK_QUEUE_DEPENDENCIES[task_queue]:
        assert dependency in pyproject
    celery_pinned = re.search(r'"celery(\[redis\])?==', pyproject) is not None
    assert celery_pinned == task_queue.startswith("celery")
    assert ("django-tasks-db" in pyproject) == (task_queue == "database")

    settings = settings_text(package)
    assert ('"django_tasks_db"' in settings) == (task_queue == "database")
    assert ("CELERY_BROKER_URL" in settings) == task_queue.startswith("celery")
    broker = settings.partition("CELERY_BROKER_URL")[2].split("\n")[0]
    assert ("redis://" in broker) == (task_queue == "celery_redis")
    assert ("amqp://" in broker) == (task_queue == "celery_rabbitmq")
    makefile = (project / "Makefile").read_text()
    assert ("\nworker:" in makefile) == (task_queue != "none")
    assert "\nscheduler:" in makefile


# The files each event bus brings beside its core/events/backend.py; Redis Streams and
# EventBridge are the outbox plus an external bus.
EVENT_BUS_FILES = {
    "inprocess": set(),
    "outbox": {
        "core/events/outbox/__init__.py",
        "core/events/outbox/relay.py",
        "core/events/outbox/wake.py",
        "core/events/outbox/destinations.py",
        "core/events/models.py",
        "core/events/migrations/0001_initial.py",
        "core/events/admin.py",
        "core/events/tasks.py",
        "core/events/management/commands/run_event_relay.py",
        "core/events/management/commands/event_publications.py",
        "core/tests/outbox/test_outbox.py",
        "core/tests/outbox/test_relay_crash.py",
    },
    "external_bus": {"core/events/external_bus.py", "core/tests/test_external.py"},
    "redis_streams": {
        "core/events/streams.py",
        "core/events/management/commands/consume_event_stream.py",
        "core/tests/test_event_streams.py",
        "core/testing/streams.py",
    },
    "eventbridge": {"core/tests/test_eventbridge.py"},
}
EVENT_BUS_GROUPS = {
    "outbox": {"outbox"},
    "inprocess": {"inprocess"},
    "redis_streams": {"outbox", "external_bus", "redis_streams"},
    "eventbridge": {"outbox", "external_bus", "eventbridge"},
}


def assert_event_bus_files(project: Path, package: Path, event_bus: str) -> None:
    for always in ["__init__.py", "apps.py", "base.py", "backend.py"]:
        assert (package / "core" / "events" / always).is_file()
    kept = EVENT_BUS_GROUPS[event_bus]
    for group, paths in EVENT_BUS_FILES.items():
        for path in paths:
            assert (package / path).is_file() == (group in kept), f"{event_bus}: {path}"

    pyproject = (project / "pyproject.toml").read_text()
    assert ('"redis==' in pyproject) == (event_bus == "redis_streams")
    assert ('"boto3==' in pyproject) == (event_bus == "eventbridge")
    assert ('"moto[server]==' in pyproject) == (event_bus == "eventbridge")
    settings = settings_text(package)
    assert ("EVENTS_MAX_ATTEMPTS" in settings) == (event_bus != "inprocess")
    assert ("EVENTS_REDIS_URL" in settings) == (event_bus == "redis_streams")
    assert ("EVENTS_EVENTBRIDGE_BUS" in settings) == (event_bus == "eventbridge")
    makefile = (project / "Makefile").read_text()
    assert ("\nrelay:" in makefile) == (event_bus != "inprocess")


def assert_sentry_only_when_chosen(project: Path, package: Path, options: dict[str, str]) -> None:
    chosen = options["use_sentry"] == "yes"
    mentions = [
        path.relative_to(project).as_posix()
        for path in project_files(project)
        if "sentry" in path.read_text(encoding="utf-8").lower()
    ]
    if not chosen:
        assert not mentions, f"Sentry was not chosen, yet {mentions} mention it"
        return
    assert '"sentry-sdk[django]==' in (project / "pyproject.toml").read_text()
    assert "SENTRY_DSN" in (project / ".env.example").read_text()
    error_tracking = (package / "config" / "settings" / "error_tracking.py").read_text()
    assert "if SENTRY_DSN:\n    sentry_sdk.init(" in error_tracking
    # Production only (which imports error_tracking): development and tests never report.
    assert "error_tracking import" in (package / "config/settings/production.py").read_text()
    # Production only: development and tests never report.
    for settings in ["base", "local", "test"]:
        assert "sentry" not in (package / "config" / "settings" / f"{settings}.py").read_text()


def assert_architecture_names_every_contract(project: Path) -> None:
    """ARCHITECTURE.md points at each import contract by the name lint-imports reports."""
    contracts = tomllib.loads((project / "pyproject.toml").read_text())["tool"]["importlinter"]
    architecture = " ".join((project / "ARCHITECTURE.md").read_text().split())
    quoted = [phrase for phrase in re.findall(r'"([^"]+)"', architecture) if len(phrase) > 15]
    for contract in contracts["contracts"]:
        assert any(contract["name"].startswith(phrase) for phrase in quoted), contract["name"]


def assert_module_layout(module: Path) -> None:
    """The example modules have every file a new module gets from the skeleton."""
    missing = [name for name in module_skeleton_files() if not (module / name).is_file()]
    assert not missing, f"{module.name} lacks {missing}"


@pytest.mark.parametrize("database", ["sqlite", "postgresql"])
def test_the_longest_allowed_slug_stays_clean_under_ruff(cookies, database: str) -> None:
    project = bake_ok(cookies, project_slug=LONGEST_SLUG, database=database)

    assert project.name == LONGEST_SLUG
    assert_clean_under_ruff(project)


def test_project_slug_defaults_from_the_project_name(cookies) -> None:
    project = bake_ok(cookies, project_name="Acme Shop-Front")

    assert project.name == "acme_shop_front"
    assert (project / "acme_shop_front" / "config" / "settings" / "base.py").is_file()


def env_secret(project: Path) -> str:
    for line in (project / ".env").read_text().splitlines():
        if line.startswith("DJANGO_SECRET_KEY="):
            return line.removeprefix("DJANGO_SECRET_KEY=")
    raise AssertionError(".env has no DJANGO_SECRET_KEY")


def test_each_bake_gets_its_own_random_secret_key(cookies) -> None:
    first, second = env_secret(bake_ok(cookies)), env_secret(bake_ok(cookies))

    assert first != second
    assert len(first) >= 50
    assert "change-me" not in (first, second)


def test_debug_bakes_get_a_deterministic_secret_key(cookies) -> None:
    first = env_secret(bake_ok(cookies, _debug="yes"))
    second = env_secret(bake_ok(cookies, _debug="yes"))

    assert first == second


def test_env_file_stays_out_of_git_and_example_keeps_the_placeholder(cookies) -> None:
    project = bake_ok(cookies)

    assert ".env\n" in (project / ".gitignore").read_text()
    assert "DJANGO_SECRET_KEY=change-me" in (project / ".env.example").read_text()
