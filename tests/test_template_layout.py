"""The template itself: each backend is a file the hook keeps, not a branch in shared code."""

import re
from pathlib import Path

import pytest

from tests.baking import TEMPLATE_DIR, bake_ok, project_files

PROJECT_TEMPLATE = TEMPLATE_DIR / "{{cookiecutter.__project_folder}}"
JINJA_CONTROL = re.compile(r"\{%-?\s*(if|elif|else|endif|for|endfor|set)\b")
# Most control lines the template's Python may hold: options are files, not branches.
MAX_CONTROL_LINES = 40
EXTERNALISATION = re.compile(r"externali[sz]|to_message|from_message|EXTERNAL_TARGET")
TASK_QUEUES = ["database", "celery_redis", "celery_rabbitmq", "none"]
EVENT_BUSES = ["outbox", "inprocess", "redis_streams", "eventbridge"]


def python_sources() -> list[Path]:
    return sorted(PROJECT_TEMPLATE.rglob("*.py"))


def control_lines(source: Path) -> list[tuple[int, str]]:
    lines = source.read_text(encoding="utf-8").splitlines()
    return [(number, line) for number, line in enumerate(lines, 1) if JINJA_CONTROL.search(line)]


def test_template_python_holds_few_jinja_control_lines() -> None:
    found = {
        str(source.relative_to(PROJECT_TEMPLATE)): len(control_lines(source))
        for source in python_sources()
    }
    assert sum(found.values()) <= MAX_CONTROL_LINES, {k: v for k, v in found.items() if v}


def test_no_jinja_control_line_inside_an_import() -> None:
    inside_imports = []
    for source in python_sources():
        in_parenthesised_import = False
        for line in source.read_text(encoding="utf-8").splitlines():
            stripped = line.strip()
            starts_import = stripped.startswith(("import ", "from ")) and " import " in (
                stripped + " "
            )
            if JINJA_CONTROL.search(line) and (in_parenthesised_import or starts_import):
                inside_imports.append(f"{source.relative_to(PROJECT_TEMPLATE)}: {stripped}")
            if starts_import and stripped.endswith("("):
                in_parenthesised_import = True
            elif in_parenthesised_import and stripped.startswith(")"):
                in_parenthesised_import = False
    assert inside_imports == []


def module_sources(project: Path) -> dict[str, bytes]:
    modules = next(project.glob("*/modules"))
    return {
        path.relative_to(modules).as_posix(): path.read_bytes()
        for path in project_files(modules)
        if path.suffix == ".py" and "migrations" not in path.parts
    }


def test_example_modules_read_the_same_on_every_backend(cookies) -> None:
    reference = module_sources(bake_ok(cookies))
    assert "orders/services/ordering.py" in reference
    for task_queue in TASK_QUEUES:
        for event_bus in EVENT_BUSES:
            baked = module_sources(bake_ok(cookies, task_queue=task_queue, event_bus=event_bus))
            differing = sorted(
                name
                for name in reference.keys() | baked.keys()
                if reference.get(name) != baked.get(name)
            )
            assert differing == [], f"{task_queue}, {event_bus}"


@pytest.mark.parametrize("event_bus", ["outbox", "inprocess"])
@pytest.mark.parametrize("task_queue", TASK_QUEUES)
def test_a_bake_without_an_external_bus_holds_no_externalisation(
    cookies, task_queue: str, event_bus: str
) -> None:
    project = bake_ok(cookies, task_queue=task_queue, event_bus=event_bus)
    mentions = [
        f"{path.relative_to(project)}: {match}"
        for path in project_files(project)
        for match in EXTERNALISATION.findall(path.read_text(encoding="utf-8", errors="replace"))
    ]
    assert mentions == []
