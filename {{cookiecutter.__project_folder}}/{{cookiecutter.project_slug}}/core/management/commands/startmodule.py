import subprocess
import sys
from argparse import ArgumentParser
from importlib.util import find_spec
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from {{ cookiecutter.project_slug }}.core.modularity.module_creation import (
    ModuleCreationError,
    default_model_class,
    module_create,
)

PACKAGE_DIR = Path(__file__).resolve().parents[3]


class Command(BaseCommand):
    help = (
        "Create a business module under modules/ with the full layout, a starter model, "
        "services, API and tests, and register it in the settings and the URLs."
    )

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("name", help="The module's package name and app label, e.g. billing.")
        parser.add_argument(
            "--model",
            help="The starter model's class name (default: from the name, billing -> Billing).",
        )

    def handle(self, *args: Any, name: str, model: str | None, **options: Any) -> None:
        try:
            written = module_create(
                name=name,
                model_class=model or default_model_class(name),
                package_dir=PACKAGE_DIR,
            )
        except ModuleCreationError as error:
            raise CommandError(str(error)) from error
        self._format(written)
        # This process loaded the settings before the module existed; a fresh one maps it.
        subprocess.run(
            [sys.executable, str(Path(settings.BASE_DIR) / "manage.py"), "modules", "--write"],
            check=True,
        )
        module_dir = PACKAGE_DIR / "modules" / name
        self.stdout.write(
            self.style.SUCCESS(f"Created {module_dir.relative_to(PACKAGE_DIR.parent)}")
            + f", registered in settings and URLs ({len(written)} files written).\n"
            + "Next: `make migrate`, then `make test`."
        )

    def _format(self, paths: list[Path]) -> None:
        # Names of any length can push a line over the limit; the project's own formatter
        # settles it, when the development tools are installed.
        if find_spec("ruff") is None:
            self.stdout.write("ruff is not installed: run `make format` before committing.")
            return
        files = [str(path) for path in paths if path.suffix == ".py"]
        ruff = [sys.executable, "-m", "ruff"]
        subprocess.run([*ruff, "check", "--fix-only", "--select", "I,RUF022", *files], check=True)
        subprocess.run([*ruff, "format", "--quiet", *files], check=True)
