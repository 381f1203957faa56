import time
from argparse import ArgumentParser
from typing import Any

from django.core.management.base import BaseCommand
from django.utils import timezone

from {{ cookiecutter.project_slug }}.core.tasks.scheduler import periodic_tasks_enqueue_due


class Command(BaseCommand):
    help = (
        "Enqueue periodic tasks as they fall due: run it beside the workers, or --once from cron."
    )

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument(
            "--once", action="store_true", help="Enqueue what is due now, then exit."
        )
        parser.add_argument(
            "--interval", type=float, default=1.0, help="Seconds between checks (default 1)."
        )

    def handle(self, *args: Any, once: bool, interval: float, **options: Any) -> None:
        while True:
            for name in periodic_tasks_enqueue_due(now=timezone.now()):
                self.stdout.write(f"enqueued {name}")
            if once:
                return
            time.sleep(interval)
