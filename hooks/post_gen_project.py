"""Shape the baked project to the answers.

Each backend is a file of its own: a file or folder named `NAME+VARIANT` (before any
extension, as in `core/tasks/backend+celery.py`, or the folder `modules/orders+examples`)
becomes `NAME` when this bake has VARIANT, and is removed otherwise. Docker's files and the
local `.env` have one small function each below.

Runs inside the new project folder. It only removes and renames what the answers decide and
writes the local `.env`; it never resolves or downloads anything, so baking works offline.
"""

import os
import secrets
import shutil
from pathlib import Path

SECRET_PLACEHOLDER = "change-me"  # the value .env.example ships with

# Facts cookiecutter.json derives once from the answers, each "yes" or "no".
FACTS = {
    # Redis Streams or EventBridge: events marked for it also leave the project.
    "external_bus": {{ cookiecutter.__has_external_bus | tojson }},
    "redis": {{ cookiecutter.__needs_redis | tojson }},
}
TASK_BACKEND = {{ cookiecutter.__task_backend | tojson }}  # database, celery or inline
# The variants this bake has: `NAME+VARIANT` files with one of these are kept.
VARIANTS = {
    {{ cookiecutter.task_queue | tojson }},  # database, celery_redis, celery_rabbitmq or none
    TASK_BACKEND,
    # Celery has beat; the other task backends have the project's scheduler.
    *(() if TASK_BACKEND == "celery" else ("no_celery", "scheduler")),
    "no_queue" if TASK_BACKEND == "inline" else "queue",
    {{ cookiecutter.event_bus | tojson }},  # outbox, inprocess, redis_streams or eventbridge
    {{ cookiecutter.__event_backend | tojson }},  # outbox (durable) or inprocess
    {{ cookiecutter.database | tojson }},  # sqlite or postgresql
    "examples" if {{ cookiecutter.include_example_modules | tojson }} == "yes" else "no_examples",
    "sentry" if {{ cookiecutter.use_sentry | tojson }} == "yes" else "no_sentry",
    *(fact if answer == "yes" else f"no_{fact}" for fact, answer in FACTS.items()),
}


def variant_of(name: str) -> tuple[str, str | None]:
    """`backend+celery.py` is ("backend.py", "celery"); a name without `+` has no variant."""
    stem, plus, rest = name.partition("+")
    if not plus:
        return name, None
    variant, dot, extension = rest.partition(".")
    return stem + dot + extension, variant


def apply_variants(root: Path) -> None:
    """Keep this bake's variant of each file under its plain name; remove the others."""
    for folder, folder_names, file_names in os.walk(root):
        for name in [*folder_names, *file_names]:
            plain, variant = variant_of(name)
            if variant is None:
                continue
            path = Path(folder, name)
            if name in folder_names:
                folder_names.remove(name)
            if variant not in VARIANTS:
                remove(path)
                continue
            target = Path(folder, plain)
            if target.exists():
                raise SystemExit(f"{target}: two of its variants match this bake.")
            path.rename(target)
            if target.is_dir():
                folder_names.append(plain)


def remove(path: Path) -> None:
    if path.is_dir():
        shutil.rmtree(path)
    else:
        path.unlink()


DOCKER_FILES = ["Dockerfile", ".dockerignore", "compose.yaml"]  # in the project folder


def apply_docker(use_docker: str) -> None:
    if use_docker == "no":
        for name in DOCKER_FILES:
            Path(name).unlink()


def write_env_file(*, deterministic: bool) -> None:
    """Copy .env.example to .env with a fresh secret key (a fixed one for template tests)."""
    secret = (
        "deterministic-secret-for-template-tests" if deterministic else secrets.token_urlsafe(50)
    )
    example = Path(".env.example").read_text(encoding="utf-8")
    Path(".env").write_text(
        example.replace(f"DJANGO_SECRET_KEY={SECRET_PLACEHOLDER}", f"DJANGO_SECRET_KEY={secret}"),
        encoding="utf-8",
    )


if __name__ == "__main__":
    apply_variants(Path("."))
    apply_docker({{ cookiecutter.use_docker | tojson }})
    write_env_file(deterministic={{ cookiecutter._debug | tojson }} == "yes")
