"""Bad answers stop the bake with a one-line reason, before anything is written."""

import subprocess
import sys
from pathlib import Path

import pytest
from cookiecutter.exceptions import FailedHookException, OutputDirExistsException

from tests.baking import TEMPLATE_DIR, bake

# (answers, words the reason must contain)
BAD_ANSWERS = [
    ({"project_slug": ""}, "project_slug is empty"),
    ({"project_slug": "1shop"}, "must start with a lowercase letter"),
    ({"project_slug": "_shop"}, "must start with a lowercase letter"),
    ({"project_slug": "my-shop"}, "lowercase ASCII letters, digits and underscores"),
    ({"project_slug": "my shop"}, "lowercase ASCII letters, digits and underscores"),
    ({"project_slug": "MyShop"}, "lowercase ASCII letters, digits and underscores"),
    ({"project_slug": "café"}, "lowercase ASCII letters, digits and underscores"),
    ({"project_slug": "shop/front"}, "lowercase ASCII letters, digits and underscores"),
    ({"project_slug": "../escape"}, "must start with a lowercase letter"),
    ({"project_slug": "a" * 31}, "longer than 30 characters"),
    ({"project_slug": "class"}, "is a Python keyword"),
    ({"project_slug": "match"}, "is a Python keyword"),
    ({"project_slug": "auth"}, "clashes with the label of Django's own app"),
    ({"project_slug": "admin"}, "clashes with the label of Django's own app"),
    ({"project_slug": "sessions"}, "clashes with the label of Django's own app"),
    ({"project_slug": "contenttypes"}, "clashes with the label of Django's own app"),
    ({"project_slug": "staticfiles"}, "clashes with the label of Django's own app"),
    ({"project_slug": "json"}, "shadows the standard library"),
    ({"project_slug": "email"}, "shadows the standard library"),
    ({"project_slug": "test"}, "already used by the project or one of its dependencies"),
    ({"project_slug": "django"}, "already used by the project or one of its dependencies"),
    ({"project_slug": "rest_framework"}, "already used by the project or one of its dependencies"),
    ({"project_slug": "core"}, "already used by the project or one of its dependencies"),
    ({"project_name": "   "}, "project_name is empty"),
    ({"project_name": "Shop", "project_slug": "shop", "description": ""}, "description is empty"),
    ({"description": "two\nlines"}, "description must be a single line"),
    ({"author_name": ""}, "author_name is empty"),
    ({"email": "not-an-address"}, "is not an e-mail address"),
    ({"email": "a@b"}, "is not an e-mail address"),
]


def answers_id(case: tuple[dict[str, str], str]) -> str:
    return ",".join(f"{key}={value!r}" for key, value in case[0].items())


@pytest.mark.parametrize(("answers", "reason"), BAD_ANSWERS, ids=map(answers_id, BAD_ANSWERS))
def test_bad_answer_is_refused_before_anything_is_written(
    answers: dict[str, str],
    reason: str,
    output_dir: Path,
    cookiecutter_config: Path,
    capfd: pytest.CaptureFixture[str],
) -> None:
    with pytest.raises(FailedHookException):
        bake(output_dir, cookiecutter_config, **answers)

    error_lines = [
        line for line in capfd.readouterr().err.splitlines() if line.startswith("ERROR: ")
    ]
    assert len(error_lines) >= 1
    assert reason in error_lines[0]
    assert list(output_dir.iterdir()) == []


def test_there_are_at_least_twenty_refused_answers() -> None:
    assert len(BAD_ANSWERS) >= 20


@pytest.mark.parametrize(
    ("option", "value"),
    [("database", "mysql"), ("python_version", "3.11"), ("include_example_modules", "maybe")],
)
def test_a_value_outside_the_choices_is_refused(
    option: str, value: str, output_dir: Path, cookiecutter_config: Path
) -> None:
    with pytest.raises(ValueError, match=f"{value} provided for choice variable {option}"):
        bake(output_dir, cookiecutter_config, **{option: value})

    assert list(output_dir.iterdir()) == []


def test_the_command_line_exits_non_zero_with_the_reason(output_dir: Path, tmp_path: Path) -> None:
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "cookiecutter",
            "--no-input",
            "--output-dir",
            str(output_dir),
            str(TEMPLATE_DIR),
            "project_slug=auth",
        ],
        capture_output=True,
        text=True,
        check=False,
        env={"PATH": "/usr/bin:/bin", "HOME": str(tmp_path)},
    )

    assert result.returncode != 0
    assert (
        "ERROR: the project_slug 'auth' clashes with the label of Django's own app" in result.stderr
    )
    assert list(output_dir.iterdir()) == []


def test_baking_over_an_existing_project_is_refused_and_keeps_its_files(
    output_dir: Path, cookiecutter_config: Path
) -> None:
    project = bake(output_dir, cookiecutter_config, project_slug="shop")
    own_work = project / "shop" / "modules" / "orders" / "models.py"
    own_work.write_text("# the team's own work\n", encoding="utf-8")

    with pytest.raises(OutputDirExistsException):
        bake(output_dir, cookiecutter_config, project_slug="shop")

    assert own_work.read_text(encoding="utf-8") == "# the team's own work\n"
