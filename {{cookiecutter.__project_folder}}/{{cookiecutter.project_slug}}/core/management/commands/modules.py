from argparse import ArgumentParser
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from {{ cookiecutter.project_slug }}.core.modularity.module_map import (
    module_map_build,
    module_map_markdown,
)

DOCUMENT = Path("docs", "modules.md")


class Command(BaseCommand):
    help = (
        "Print the map of the modules, computed from the code: a Mermaid diagram of their events"
        " and api calls, and a table of what each holds, publishes, handles and exposes."
    )

    def add_arguments(self, parser: ArgumentParser) -> None:
        action = parser.add_mutually_exclusive_group()
        action.add_argument(
            "--write", action="store_true", help=f"Write the map to {DOCUMENT} instead."
        )
        action.add_argument(
            "--check",
            action="store_true",
            help=f"Exit with an error if {DOCUMENT} is not the map the code gives.",
        )

    def handle(self, *args: Any, write: bool, check: bool, **options: Any) -> None:
        markdown = module_map_markdown(module_map_build())
        path = Path(settings.BASE_DIR) / DOCUMENT
        if check:
            if not path.is_file() or path.read_text(encoding="utf-8") != markdown:
                raise CommandError(
                    f"{DOCUMENT} is out of date: run `python manage.py modules --write`"
                    " (`make modules`)."
                )
            self.stdout.write(f"{DOCUMENT} is up to date.")
        elif write:
            path.parent.mkdir(exist_ok=True)
            path.write_text(markdown, encoding="utf-8")
            self.stdout.write(f"Wrote {DOCUMENT}.")
        else:
            self.stdout.write(markdown, ending="")
