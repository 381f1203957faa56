"""The README's set-up commands, run word for word."""

import json
import shutil
from pathlib import Path

import pytest

from tests.baking import OPTIONS, TEMPLATE_DIR, bake
from tests.readme import bash_commands, http_get, serving
from tests.services import find_python, project_environment

TEMPLATE_README = TEMPLATE_DIR / "README.md"


def assert_is_the_baked_project(project: Path) -> None:
    status, _ = http_get("/admin/login/")
    assert status == 200
    status, body = http_get("/api/orders/")
    assert status == 403
    assert json.loads(body)["code"] == "not_authenticated"
    assert (project / "db.sqlite3").is_file()


def test_template_readme_gives_exactly_two_commands_and_ci_runs_the_second() -> None:
    commands = bash_commands(TEMPLATE_README)

    assert len(commands) == 2
    assert commands[1] == "uv run pytest"
    assert commands[1] in (TEMPLATE_DIR / ".ci" / "run").read_text()


def test_generated_readme_gives_a_run_command_and_the_test_command(
    output_dir: Path, cookiecutter_config: Path
) -> None:
    project = bake(output_dir, cookiecutter_config)

    commands = bash_commands(project / "README.md")

    assert commands == [
        "uv run python manage.py migrate && uv run python manage.py runserver",
        "make test",
    ]


@pytest.mark.full
def test_template_readme_bake_and_run_command_serves_the_project(tmp_path: Path) -> None:
    clone = tmp_path / "cookiecutter-django-modulith"
    shutil.copytree(
        TEMPLATE_DIR,
        clone,
        ignore=shutil.ignore_patterns(".git", ".venv", "__pycache__", ".*_cache"),
    )
    env = project_environment(find_python(OPTIONS["python_version"][0]))

    with serving(bash_commands(TEMPLATE_README)[0], cwd=clone, env=env):
        assert_is_the_baked_project(tmp_path / "my_project")


@pytest.mark.full
def test_generated_readme_run_command_serves_the_project(
    output_dir: Path, cookiecutter_config: Path
) -> None:
    project = bake(output_dir, cookiecutter_config)
    env = project_environment(find_python(OPTIONS["python_version"][0]))

    with serving(bash_commands(project / "README.md")[0], cwd=project, env=env):
        assert_is_the_baked_project(project)
