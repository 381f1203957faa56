"""Shape the baked project to the answers: one small function per option.

Runs inside the new project folder. It only removes what was not chosen and writes the
local `.env`; it never resolves or downloads anything, so baking works offline.
"""

import secrets
import shutil
from pathlib import Path

PACKAGE = Path({{ cookiecutter.project_slug | tojson }})
EXAMPLE_MODULES = ("orders", "inventory")
SECRET_PLACEHOLDER = "change-me"  # the value .env.example ships with


def apply_example_modules(include: str) -> None:
    if include == "no":
        for name in EXAMPLE_MODULES:
            shutil.rmtree(PACKAGE / "modules" / name)


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
    apply_example_modules({{ cookiecutter.include_example_modules | tojson }})
    write_env_file(deterministic={{ cookiecutter._debug | tojson }} == "yes")
