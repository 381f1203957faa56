"""The READMEs' commands, run word for word."""

import json
import shutil
import time
from pathlib import Path
from typing import Any

import pytest

from tests.baking import OPTIONS, TEMPLATE_DIR, bake
from tests.readme import (
    bash_commands,
    command_calling,
    filled_in,
    http_get,
    json_field,
    run_for_json,
    running,
    section,
    serving,
    shell_commands,
    verification_code,
)
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


def default_bake(output_dir: Path, cookiecutter_config: Path) -> tuple[Path, dict[str, str]]:
    """A project baked with every default, and the environment its commands run in."""
    project = bake(output_dir, cookiecutter_config)
    return project, project_environment(find_python(OPTIONS["python_version"][0]))


@pytest.mark.full
def test_generated_readme_run_command_serves_the_project(
    output_dir: Path, cookiecutter_config: Path
) -> None:
    project, env = default_bake(output_dir, cookiecutter_config)

    with serving(bash_commands(project / "README.md")[0], cwd=project, env=env):
        assert_is_the_baked_project(project)


def code_printed_within(log: Path, *, to: str, seconds: float = 60) -> str:
    """The verification code mailed to `to`, read from the output that printed the mail."""
    deadline = time.monotonic() + seconds
    while (code := verification_code(log.read_text(), to=to)) is None:
        assert time.monotonic() < deadline, f"no code was mailed to {to}:\n{log.read_text()}"
        time.sleep(0.25)
    return code


@pytest.mark.full
def test_generated_readme_sign_in_commands_sign_up_verify_log_in_and_call_the_api(
    output_dir: Path, cookiecutter_config: Path
) -> None:
    """The issue's "done when": an app client that has only the README gets in, and no further."""
    project, env = default_bake(output_dir, cookiecutter_config)
    sign_in = section(project / "README.md", "Sign in")
    commands = shell_commands(sign_in)
    sign_up = command_calling(commands, "/_allauth/app/v1/auth/signup")
    verify = command_calling(commands, "/_allauth/app/v1/auth/email/verify")
    log_in = command_calling(commands, "/_allauth/app/v1/auth/login")
    me = command_calling(commands, "/api/users/me/")
    orders = command_calling(commands, "/api/orders/")
    log_out = command_calling(commands, "/_allauth/app/v1/auth/session")
    address = json_field(sign_up, "email")
    password = json_field(log_in, "password")
    wrong_password = log_in.replace(f'"{password}"', '"not the password"')
    # With the database queue a task sends the mail: the worker prints it.
    assert "`make worker`" in sign_in
    worker_log = project / "worker.log"

    def run(command: str, **placeholders: str) -> Any:
        return run_for_json(filled_in(command, **placeholders), cwd=project, env=env)

    with (
        serving(bash_commands(project / "README.md")[0], cwd=project, env=env),
        running("make worker", cwd=project, env=env, log=worker_log),
    ):
        signed_up = run(sign_up)
        assert signed_up["status"] == 401
        assert {"id": "verify_email", "is_pending": True} in signed_up["data"]["flows"]
        code = code_printed_within(worker_log, to=address)
        verified = run(verify, session_token=signed_up["meta"]["session_token"], code=code)
        assert verified["status"] == 200
        assert verified["meta"]["is_authenticated"] is True

        logged_in = run(log_in)
        assert logged_in["status"] == 200
        token = logged_in["meta"]["session_token"]
        assert run(me, session_token=token)["email"] == address
        assert run(orders, session_token=token)["results"] == []
        assert http_get("/api/orders/", headers={"X-Session-Token": token})[0] == 200

        assert run(log_out, session_token=token)["meta"]["is_authenticated"] is False
        status, body = http_get("/api/orders/", headers={"X-Session-Token": token})
        assert (status, json.loads(body)["code"]) == (403, "not_authenticated")

        refused = run(wrong_password)
        assert refused["status"] == 400
        assert refused["errors"][0]["code"] == "email_password_mismatch"
        # allauth's default limit: more than 30 log-in requests a minute from one IP get 429.
        statuses: list[int] = []
        while len(statuses) < 40 and 429 not in statuses:
            statuses.append(run(wrong_password)["status"])
        assert statuses[-1] == 429
        assert set(statuses[:-1]) == {400}
