import json
import socket
import sys
from argparse import ArgumentParser
from typing import Any

from django.core.management.base import BaseCommand
from django.utils.module_loading import import_string

from {{ cookiecutter.project_slug }}.core.events.external_bus import stream_name
from {{ cookiecutter.project_slug }}.core.events.streams import stream_consume


def print_message(message: dict[str, Any]) -> None:
    sys.stdout.write(json.dumps(message) + "\n")
    sys.stdout.flush()


class Command(BaseCommand):
    help = "Consume an event stream in a consumer group, until stopped (JSON lines by default)."

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("event", help="The event name, e.g. orders.order_placed.")
        parser.add_argument("--group", required=True, help="The consumer group.")
        parser.add_argument(
            "--consumer", default=socket.gethostname(), help="This consumer's unique name."
        )
        parser.add_argument(
            "--handler",
            default=f"{__name__}.print_message",
            help="Dotted path of a function called with each message.",
        )
        parser.add_argument(
            "--reclaim-after-ms",
            type=int,
            default=60_000,
            help="Claim messages other consumers left unacknowledged this long.",
        )

    def handle(
        self,
        *args: Any,
        event: str,
        group: str,
        consumer: str,
        handler: str,
        reclaim_after_ms: int,
        **options: Any,
    ) -> None:
        handle_message = import_string(handler)
        while True:
            stream_consume(
                stream=stream_name(event),
                group=group,
                consumer=consumer,
                handle=handle_message,
                reclaim_after_ms=reclaim_after_ms,
            )
