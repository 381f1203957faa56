"""A baked project guards its own module boundaries, and grows new modules that keep them.

Fast tier: one project is baked and installed (from uv's cache, in seconds), then each
boundary rule is broken on purpose and the project's own tools must say which, and where.
"""

import hashlib
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from tests.baking import OPTIONS, bake
from tests.services import find_python, project_environment, run_in_project

SLUG = "shop"
TEST_SETTINGS = f"{SLUG}.config.settings.test"


@pytest.fixture(scope="module")
def env() -> dict[str, str]:
    return project_environment(
        find_python(OPTIONS["python_version"][0]), DJANGO_SETTINGS_MODULE=TEST_SETTINGS
    )


@pytest.fixture(scope="module")
def project(
    tmp_path_factory: pytest.TempPathFactory, cookiecutter_config: Path, env: dict[str, str]
) -> Path:
    """The default bake with the example modules, installed; tests restore what they change."""
    baked = bake(tmp_path_factory.mktemp("boundaries"), cookiecutter_config, project_slug=SLUG)
    run_in_project(baked, ["uv", "sync", "--quiet"], env)
    return baked


def run(project: Path, env: dict[str, str], *command: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        ["uv", "run", *command], cwd=project, env=env, capture_output=True, text=True, check=False
    )


@contextmanager
def planted(path: Path, *, after: str = "", line: str) -> Iterator[None]:
    """`line` added to `path` (after the line `after`, or at the end) while the block runs."""
    original = path.read_text(encoding="utf-8") if path.exists() else None
    text = original or ""
    if after:
        assert after in text, f"{after!r} not in {path}"
        text = text.replace(after, f"{after}\n{line}", 1)
    else:
        text = f"{text}{line}\n"
    path.write_text(text, encoding="utf-8")
    try:
        yield
    finally:
        if original is None:
            path.unlink()
        else:
            path.write_text(original, encoding="utf-8")


def test_baked_projects_keep_every_contract(
    project: Path, env: dict[str, str], tmp_path: Path, cookiecutter_config: Path
) -> None:
    bare = bake(tmp_path, cookiecutter_config, project_slug=SLUG, include_example_modules="no")

    for baked in (project, bare):
        result = run(baked, env, "lint-imports")
        assert result.returncode == 0, result.stdout + result.stderr
        assert "Contracts: 6 kept, 0 broken." in result.stdout


PACKAGE = Path(SLUG)
# One planted violation per contract: (contract, file, line to add, what the report names).
VIOLATIONS = {
    "layers: a model reads through a selector": (
        "Each module is layered",
        "modules/inventory/models.py",
        f"from {SLUG}.modules.inventory.selectors import stock_item_list  # noqa",
        f"{SLUG}.modules.inventory.models -> {SLUG}.modules.inventory.selectors",
    ),
    "layers: a serializer calls a service": (
        "Each module is layered",
        "modules/orders/serializers.py",
        f"from {SLUG}.modules.orders.services import order_place  # noqa",
        f"{SLUG}.modules.orders.serializers -> {SLUG}.modules.orders.services",
    ),
    "layers: a file with no layer": (
        "Each module is layered",
        "modules/orders/helpers.py",
        '"""Somewhere to put things."""',
        f"{SLUG}.modules.orders.helpers",
    ),
    "independence: a service imports another module's model": (
        "Modules are independent",
        "modules/inventory/services/stock.py",
        f"from {SLUG}.modules.orders.models import Order  # noqa",
        f"{SLUG}.modules.inventory.services.stock -> {SLUG}.modules.orders.models",
    ),
    "independence: a view reads another module's selectors": (
        "Modules are independent",
        "modules/orders/views.py",
        f"from {SLUG}.modules.inventory import selectors  # noqa",
        f"{SLUG}.modules.orders.views -> {SLUG}.modules.inventory.selectors",
    ),
    "core: the kernel imports a module": (
        "The shared kernel knows neither",
        "core/services.py",
        f"from {SLUG}.modules.orders.models import Order  # noqa",
        f"{SLUG}.core.services -> {SLUG}.modules.orders.models",
    ),
    "core: the kernel imports the configuration": (
        "The shared kernel knows neither",
        "core/models.py",
        f"from {SLUG}.config import urls  # noqa",
        f"{SLUG}.core.models -> {SLUG}.config.urls",
    ),
    "HTTP: a service raises a DRF exception": (
        "Domain code is free of HTTP",
        "modules/orders/services/ordering.py",
        "from rest_framework.exceptions import ValidationError  # noqa",
        f"{SLUG}.modules.orders.services.ordering -> rest_framework",
    ),
    "clients: a module talks to a broker itself": (
        "Queue and bus clients are used only inside core",
        "modules/orders/services/ordering.py",
        "import redis  # noqa",
        f"{SLUG}.modules.orders.services.ordering -> redis",
    ),
    "settings: a view imports a settings module": (
        "Settings are read through django.conf only",
        "modules/orders/views.py",
        f"from {SLUG}.config.settings import base  # noqa",
        f"{SLUG}.modules.orders.views -> {SLUG}.config.settings.base",
    ),
}


@pytest.mark.parametrize("violation", list(VIOLATIONS))
def test_lint_imports_names_each_broken_contract(
    project: Path, env: dict[str, str], violation: str
) -> None:
    contract, relative_path, line, reported = VIOLATIONS[violation]

    with planted(project / PACKAGE / relative_path, line=line):
        result = run(project, env, "lint-imports")

    report = " ".join((result.stdout + result.stderr).split())  # undo the report's wrapping
    assert result.returncode == 1, report
    broken = [row for row in report.split(" KEPT") if " BROKEN" in row]
    assert any(contract in row for row in broken), report
    assert reported in report, report
    assert run(project, env, "lint-imports").returncode == 0, "the project was not restored"


def test_system_check_refuses_a_relation_between_modules(
    project: Path, env: dict[str, str]
) -> None:
    models = project / PACKAGE / "modules" / "orders" / "models.py"
    foreign_key = (
        '    item = models.ForeignKey("inventory.StockItem", '
        'on_delete=models.PROTECT, related_name="+")'
    )
    after = "    sku = models.CharField(max_length=64)"
    settings = project / PACKAGE / "config" / "settings" / "base.py"

    with planted(models, after=after, line=foreign_key):
        refused = run(project, env, "python", "manage.py", "check")
        with planted(settings, line='MODULE_RELATIONS_ALLOWED_TO = ["users", "inventory"]'):
            allowed = run(project, env, "python", "manage.py", "check")

    assert refused.returncode == 1
    assert "orders.OrderLine.item: (modules.E001)" in refused.stderr
    assert "a model of the inventory module" in refused.stderr
    assert allowed.returncode == 0, allowed.stderr


def tree_digest(project: Path) -> str:
    """A digest of every file of the project's package and of its names."""
    digest = hashlib.sha256()
    for path in sorted((project / PACKAGE).rglob("*")):
        if path.is_file() and "__pycache__" not in path.parts:
            digest.update(str(path.relative_to(project)).encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()


@pytest.mark.parametrize(
    ("name", "reason"),
    [
        ("Billing", "must start with a lowercase letter"),
        ("auth", "clashes with the label of Django's own app"),
        ("config", "already used by the project"),
        ("orders", "an installed app already has the label 'orders'"),
        ("users", "an installed app already has the label 'users'"),
        ("core_events", "an installed app already has the label 'core_events'"),
    ],
)
def test_startmodule_refuses_bad_names_and_touches_nothing(
    project: Path, env: dict[str, str], name: str, reason: str
) -> None:
    before = tree_digest(project)

    result = run(project, env, "python", "manage.py", "startmodule", name)

    assert result.returncode == 1
    assert result.stderr.startswith("CommandError: ")
    assert reason in result.stderr
    assert tree_digest(project) == before


def test_startmodule_refuses_a_folder_that_exists(project: Path, env: dict[str, str]) -> None:
    """Work in progress under modules/ is never overwritten, even before it is registered."""
    folder = project / PACKAGE / "modules" / "billing"
    folder.mkdir()
    (folder / "notes.txt").write_text("mine", encoding="utf-8")
    before = tree_digest(project)

    result = run(project, env, "python", "manage.py", "startmodule", "billing")

    assert tree_digest(project) == before
    (folder / "notes.txt").unlink()
    folder.rmdir()
    assert result.returncode == 1
    assert "already exists; nothing was changed" in result.stderr


def test_startmodule_adds_a_working_module_that_keeps_every_rule(
    tmp_path: Path, cookiecutter_config: Path, env: dict[str, str]
) -> None:
    # The longest names allowed, so every generated line is shown to fit; no module but users.
    slug, module = "a_project_slug_of_thirty_chars", "customer_accounts_and_billings"
    project = bake(tmp_path, cookiecutter_config, project_slug=slug, include_example_modules="no")
    env = {**env, "DJANGO_SETTINGS_MODULE": f"{slug}.config.settings.test"}
    run_in_project(project, ["uv", "sync", "--quiet"], env)

    output = run_in_project(
        project, ["uv", "run", "python", "manage.py", "startmodule", module], env
    )

    assert f"Created {slug}/modules/{module}" in output
    module_dir = project / slug / "modules" / module
    assert (
        f'"{slug}.modules.{module}",' in (project / slug / "config/settings/modules.py").read_text()
    )
    assert (
        f'include("{slug}.modules.{module}.urls")'
        in (project / slug / "config/urls.py").read_text()
    )
    assert "class CustomerAccountsAndBilling(BaseModel):" in (module_dir / "models.py").read_text()
    assert (
        f"| `{module}` | `CustomerAccountsAndBilling` |"
        in (project / "docs/modules.md").read_text()
    )
    tests = run_in_project(project, ["uv", "run", "pytest", "-q", str(module_dir)], env)
    assert " passed" in tests
    assert "failed" not in tests
    for command in (
        ["uv", "run", "python", "manage.py", "check", "--fail-level", "WARNING"],
        ["uv", "run", "python", "manage.py", "makemigrations", "--check", "--dry-run"],
        ["uv", "run", "lint-imports"],
        ["uv", "run", "mypy", "."],
        ["uv", "run", "ruff", "check", "."],
        ["uv", "run", "ruff", "format", "--check", "."],
    ):
        run_in_project(project, command, env)
