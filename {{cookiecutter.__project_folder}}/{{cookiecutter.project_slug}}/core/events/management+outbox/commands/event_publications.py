from argparse import ArgumentParser
from typing import Any

from django.core.management.base import BaseCommand

from {{ cookiecutter.project_slug }}.core.events.models import EventPublication
from {{ cookiecutter.project_slug }}.core.events.outbox import publications_resubmit


class Command(BaseCommand):
    help = "List event publications not yet delivered (pending or failed); --resubmit retries them."

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument(
            "--resubmit",
            action="store_true",
            help="Give every incomplete publication a fresh set of attempts, due now.",
        )

    def handle(self, *args: Any, resubmit: bool, **options: Any) -> None:
        incomplete = EventPublication.objects.incomplete().select_related("event")
        for publication in incomplete.order_by("event__occurred_at", "id"):
            error = publication.last_error.strip().splitlines()[-1:] or [""]
            self.stdout.write(
                f"{publication.status:<9} attempts={publication.attempts:<3} "
                f"{publication.event.name} {publication.event_id} -> {publication.target}"
                + (f"  [{error[0]}]" if error[0] else "")
            )
        if not incomplete.exists():
            self.stdout.write("No incomplete publications.")
        if resubmit:
            self.stdout.write(f"Resubmitted {publications_resubmit()} publication(s).")
