"""The update path: a project baked from an older template takes in the newer one with cruft.

Full tier: the project is baked from a released commit, changed locally and committed, then
updated to the current commit; both sets of changes must be there and its tests must pass.
"""

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.baking import OPTIONS, TEMPLATE_DIR
from tests.services import find_python, project_environment, run_in_project

pytestmark = pytest.mark.full

# Released versions (see CHANGELOG.md): each one's commit, and a file the current template
# has that a project baked from it lacks.
BASELINES = {
    # The task queue and the event bus, before module boundaries.
    "v0.1.0": ("842602375371949944a893517244dc330cd926a9", "ARCHITECTURE.md"),
    # Module boundaries, before core/ was grouped by concern and each backend was a file.
    "v0.2.0": ("94b0692a067dbd1b051439b9793898eee94a29fc", "shop/core/observability/logs.py"),
}
CRUFT = str(Path(sys.executable).parent / "cruft")
GIT_IDENTITY = ["-c", "user.name=Template tests", "-c", "user.email=tests@example.com"]

# A module of the project's own, beside the template's files: it is theirs to keep.
LOCAL_SERVICE = """from shop.modules.orders.models import Order


def order_count_open() -> int:
    \"\"\"How many orders are not cancelled: a function the project added itself.\"\"\"
    return Order.objects.filter(cancelled_at__isnull=True).count()
"""
LOCAL_TEST = """import pytest

from shop.modules.orders.services.reporting import order_count_open
from shop.modules.orders.tests.factories import OrderFactory

pytestmark = pytest.mark.django_db


def test_order_count_open_counts_orders_not_cancelled() -> None:
    OrderFactory.create()

    assert order_count_open() == 1
"""


def git(repository: Path, *args: str) -> str:
    return subprocess.run(
        ["git", *GIT_IDENTITY, *args], cwd=repository, check=True, capture_output=True, text=True
    ).stdout.strip()


def commit_everything(repository: Path, message: str) -> None:
    git(repository, "add", "--all")
    git(repository, "commit", "--quiet", "-m", message)


@pytest.mark.parametrize("version", list(BASELINES))
def test_project_baked_from_a_release_updates_to_the_current_template(
    tmp_path: Path, version: str
) -> None:
    baseline, lacked = BASELINES[version]
    # The template as committed, with its history (cruft checks out commits of it).
    template = tmp_path / "template"
    git(tmp_path, "clone", "--quiet", str(TEMPLATE_DIR), str(template))
    current = git(template, "rev-parse", "HEAD")
    env = project_environment(find_python(OPTIONS["python_version"][0]))
    context = json.dumps({"project_slug": "shop", "_debug": "yes"})
    create = [CRUFT, "create", str(template), "--checkout", baseline, "--no-input"]
    create += ["--output-dir", str(tmp_path), "--extra-context", context]
    run_in_project(tmp_path, create, env)
    project = tmp_path / "shop"
    assert not (project / lacked).exists()
    git(project, "init", "--quiet")
    commit_everything(project, f"Baked from cookiecutter-django-modulith {version}")

    # The team's own work, committed.
    with (project / "README.md").open("a", encoding="utf-8") as readme:
        readme.write("\n## Team notes\n\nDeploy on Tuesdays.\n")
    (project / "shop/modules/orders/services/reporting.py").write_text(LOCAL_SERVICE)
    (project / "shop/modules/orders/tests/test_open_orders.py").write_text(LOCAL_TEST)
    if version == "v0.1.0":
        # What CHANGELOG.md asks of a v0.1.0 project before its first update (v0.2.0 has it).
        with (project / "pyproject.toml").open("a", encoding="utf-8") as pyproject:
            pyproject.write("\n[tool.cruft]\n# `cruft update` brings in newer template versions; ")
            pyproject.write('it must never touch this copy\'s secret.\nskip = [".env"]\n')
    commit_everything(project, "Our own changes")

    run_in_project(project, [CRUFT, "update", "--checkout", current, "--skip-apply-ask"], env)

    rejected = sorted(str(path.relative_to(project)) for path in project.rglob("*.rej"))
    assert rejected == []
    assert json.loads((project / ".cruft.json").read_text())["commit"] == current
    # The template's changes since the release ...
    assert (project / lacked).is_file()
    assert (project / "ARCHITECTURE.md").is_file()
    assert "lint-imports" in (project / "Makefile").read_text()
    assert (project / "shop/core/management/commands/startmodule.py").is_file()
    # ... and the team's, side by side.
    assert "Deploy on Tuesdays." in (project / "README.md").read_text()
    assert (
        "def order_count_open()"
        in (project / "shop/modules/orders/services/reporting.py").read_text()
    )
    assert (project / "shop/modules/orders/tests/test_open_orders.py").is_file()
    commit_everything(project, "Update to the current template")
    assert "up to date" in run_in_project(project, [CRUFT, "check"], env)

    run_in_project(project, ["make", "test"], env)
    local_test = "shop/modules/orders/tests/test_open_orders.py"
    assert "1 passed" in run_in_project(project, ["uv", "run", "pytest", "-q", local_test], env)
