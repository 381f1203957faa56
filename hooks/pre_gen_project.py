"""Refuse bad answers before cookiecutter writes a single file of the project.

Each answer has one small check; the first problem found is printed on one line and the
bake stops with exit status 1. Cookiecutter then removes the (still empty) project folder,
which is named after the slug with any '/' replaced, so a bad slug cannot leave parent folders.
"""

import re
import sys

# The generated project's naming rules (core/modularity/naming.py), from template_extensions.py.
{{ naming_rules_source }}

ANSWERS = {
    "project_name": {{ cookiecutter.project_name | tojson }},
    "project_slug": {{ cookiecutter.project_slug | tojson }},
    "description": {{ cookiecutter.description | tojson }},
    "author_name": {{ cookiecutter.author_name | tojson }},
    "email": {{ cookiecutter.email | tojson }},
    "python_version": {{ cookiecutter.python_version | tojson }},
    "database": {{ cookiecutter.database | tojson }},
    "task_queue": {{ cookiecutter.task_queue | tojson }},
    "event_bus": {{ cookiecutter.event_bus | tojson }},
    "include_example_modules": {{ cookiecutter.include_example_modules | tojson }},
    "use_sentry": {{ cookiecutter.use_sentry | tojson }},
    "use_docker": {{ cookiecutter.use_docker | tojson }},
}

CHOICES = {
    "python_version": ("3.12", "3.13"),
    "database": ("sqlite", "postgresql"),
    "task_queue": ("database", "celery_redis", "celery_rabbitmq", "none"),
    "event_bus": ("outbox", "inprocess", "redis_streams", "eventbridge"),
    "include_example_modules": ("yes", "no"),
    "use_sentry": ("no", "yes"),
    "use_docker": ("no", "yes"),
}

EMAIL = re.compile(r"[^@\s]+@[^@\s]+\.[^@\s]+")
CONTROL_CHARACTERS = re.compile(r"[\x00-\x1f\x7f]")


def text_problem(field: str, value: str) -> str | None:
    if not value.strip():
        return f"{field} is empty"
    if CONTROL_CHARACTERS.search(value):
        return f"{field} must be a single line without control characters"
    return None


def email_problem(value: str) -> str | None:
    if not EMAIL.fullmatch(value):
        return f"email {value!r} is not an e-mail address"
    return None


def choice_problem(field: str, value: str) -> str | None:
    if value not in CHOICES[field]:
        return f"{field} {value!r} is not one of {', '.join(CHOICES[field])}"
    return None


def problems() -> list[str]:
    found = [
        text_problem("project_name", ANSWERS["project_name"]),
        name_problem(ANSWERS["project_slug"], kind="project_slug"),  # from the embedded rules
        text_problem("description", ANSWERS["description"]),
        text_problem("author_name", ANSWERS["author_name"]),
        email_problem(ANSWERS["email"]),
        *(choice_problem(field, ANSWERS[field]) for field in CHOICES),
    ]
    return [problem for problem in found if problem]


if __name__ == "__main__":
    found = problems()
    if found:
        print(f"ERROR: {found[0]}", file=sys.stderr)
        sys.exit(1)
