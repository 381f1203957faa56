"""The update path: a project baked from an older template takes in the newer one with cruft.

Full tier: the project is baked from a released commit, given live data (an account under
Django's auth.User, in a group, with an order) and local changes, and committed; then it is
updated to the current commit. Both sets of changes must be there, `users_adopt_auth_users`
must move the account into users.User before `migrate`, and the project's tests must pass.
"""

import json
import re
import sqlite3
import subprocess
import sys
from contextlib import closing
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


# The project in use: an account under auth.User (ids with a gap), in a group, with an order
# and an entry in the admin's log.
LIVE_DATA = """
from django.contrib.admin.models import ADDITION, LogEntry
from django.contrib.auth.models import Group, User
from django.contrib.contenttypes.models import ContentType

from shop.modules.orders.models import Order

User.objects.create_user("left", "left@example.com").delete()
password = "correct horse battery staple"
ada = User.objects.create_user(
    "ada", " Ada@Example.com", password, first_name="Ada", last_name="Lovelace"
)
ada.groups.add(Group.objects.create(name="support"))
order = Order.objects.create(customer=ada)
LogEntry.objects.create(
    user=ada, content_type=ContentType.objects.get_for_model(Order), object_id=str(order.pk),
    object_repr=str(order), action_flag=ADDITION,
)
print("LIVE", ada.pk)
"""
# The same account afterwards, read through the current user model.
ADOPTED = """
import json

from django.contrib.admin.models import LogEntry
from django.contrib.auth import get_user_model

from shop.modules.orders.models import Order

ada = get_user_model().objects.get(email="ada@example.com")
newcomer = get_user_model().objects.create_user("newcomer@example.com")
adopted = {
    "model": ada._meta.label,
    "id": ada.pk,
    "name": ada.name,
    "password": ada.check_password("correct horse battery staple"),
    "groups": list(ada.groups.values_list("name", flat=True)),
    "customer": Order.objects.get().customer == ada,
    "log_entry": LogEntry.objects.get().user == ada,
    "newcomer_id": newcomer.pk,
}
print("ADOPTED", json.dumps(adopted))
"""
ADOPT = ["uv", "run", "python", "manage.py", "users_adopt_auth_users"]


def git(repository: Path, *args: str) -> str:
    return subprocess.run(
        ["git", *GIT_IDENTITY, *args], cwd=repository, check=True, capture_output=True, text=True
    ).stdout.strip()


def commit_everything(repository: Path, message: str) -> None:
    git(repository, "add", "--all")
    git(repository, "commit", "--quiet", "-m", message)


def manage_py_shell(project: Path, script: str, env: dict[str, str], marker: str) -> str:
    """Run `script` in the project's `manage.py shell`; what it printed after `marker`."""
    command = ["uv", "run", "python", "manage.py", "shell", "--verbosity", "0", "-c", script]
    output = run_in_project(project, command, env)
    found = re.search(rf"^{marker} (.*)$", output, re.MULTILINE)
    assert found, output
    return found.group(1)


def database_dump(database: Path) -> str:
    with closing(sqlite3.connect(database)) as connection:
        return "\n".join(connection.iterdump())


def assert_adoption_refuses_duplicate_addresses(
    project: Path, tmp_path: Path, env: dict[str, str]
) -> None:
    """On a copy of the database with a second Ada (other case, spaces) and an account
    without an address: the command lists both and changes nothing."""
    copy = tmp_path / "duplicates.sqlite3"
    with (
        closing(sqlite3.connect(project / "db.sqlite3")) as source,
        closing(sqlite3.connect(copy)) as target,
    ):
        source.backup(target)
        with target:
            for username, email in [("ada2", "ADA@example.com "), ("nobody", "")]:
                target.execute(
                    "INSERT INTO auth_user (username, email, password, first_name, last_name,"
                    " is_superuser, is_staff, is_active, date_joined)"
                    " VALUES (?, ?, '', '', '', 0, 0, 1, '2026-01-01 00:00:00')",
                    [username, email],
                )
    before = database_dump(copy)

    refused = subprocess.run(
        ADOPT,
        cwd=project,
        env={**env, "DATABASE_URL": f"sqlite:///{copy}"},
        capture_output=True,
        text=True,
        check=False,
    )

    assert refused.returncode == 1, refused.stdout + refused.stderr
    assert "ids 2, 3 share the address ada@example.com" in refused.stderr
    assert "id 4 has no e-mail address" in refused.stderr
    assert database_dump(copy) == before


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
    # The project's own database, in use under auth.User.
    run_in_project(project, ["uv", "run", "python", "manage.py", "migrate"], env)
    account_id = int(manage_py_shell(project, LIVE_DATA, env, "LIVE"))
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
    run_in_project(project, ["uv", "lock"], env)  # as CHANGELOG.md asks
    commit_everything(project, "Update to the current template")
    assert "up to date" in run_in_project(project, [CRUFT, "check"], env)

    # The accounts move from auth.User to users.User (CHANGELOG.md), then `migrate` works.
    assert_adoption_refuses_duplicate_addresses(project, tmp_path, env)
    adopting = run_in_project(project, ADOPT, env)
    assert "Accounts copied from auth_user to users_user: 1 " in adopting
    assert "Pointed orders.Order.customer at users_user." in adopting
    run_in_project(project, ["uv", "run", "python", "manage.py", "migrate"], env)
    assert json.loads(manage_py_shell(project, ADOPTED, env, "ADOPTED")) == {
        "model": "users.User",
        "id": account_id,
        "name": "Ada Lovelace",
        "password": True,
        "groups": ["support"],
        "customer": True,
        "log_entry": True,
        "newcomer_id": account_id + 1,
    }
    makemigrations = ["uv", "run", "python", "manage.py", "makemigrations", "--check", "--dry-run"]
    assert "No changes detected" in run_in_project(project, makemigrations, env)
    before = database_dump(project / "db.sqlite3")
    again = subprocess.run(ADOPT, cwd=project, env=env, capture_output=True, text=True, check=False)
    assert again.returncode == 1
    assert "adopted already" in again.stderr
    assert database_dump(project / "db.sqlite3") == before

    run_in_project(project, ["make", "test"], env)
    local_test = "shop/modules/orders/tests/test_open_orders.py"
    assert "1 passed" in run_in_project(project, ["uv", "run", "pytest", "-q", local_test], env)
