import time
from argparse import ArgumentParser
from typing import Any

import structlog
from django.core.management.base import BaseCommand

from {{ cookiecutter.project_slug }}.core.events.outbox.relay import publications_relay

logger = structlog.get_logger(__name__)


class Command(BaseCommand):
    help = (
        "Deliver event publications as they fall due, until stopped. Safe to run several, "
        "and to kill at any moment: an interrupted batch is delivered again."
    )

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("--once", action="store_true", help="Deliver what is due, then exit.")
        parser.add_argument(
            "--interval", type=float, default=0.2, help="Seconds between polls when idle."
        )
        parser.add_argument(
            "--batch-size", type=int, default=100, help="Publications per transaction."
        )

    def handle(
        self, *args: Any, once: bool, interval: float, batch_size: int, **options: Any
    ) -> None:
        logger.info("event_relay_started", interval=interval, batch_size=batch_size, once=once)
        while True:
            delivered = publications_relay(batch_size=batch_size)
            if once:
                self.stdout.write(f"{delivered} publication(s) attempted")
                return
            if not delivered:
                time.sleep(interval)
