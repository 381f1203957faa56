"""`manage.py forked --processes=N COMMAND [ARG ...]`: one command in N forked processes.

For crash tests that kill processes again and again: Django starts once (a second or so),
then each process is forked from it, running the real command, and can be killed on its own.
Prints the processes' ids on one line; stops them all when it is stopped.
"""

import os
import signal
from argparse import REMAINDER, ArgumentParser
from contextlib import suppress
from types import FrameType
from typing import Any

from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.db import connections


class Command(BaseCommand):
    help = "Run one management command in several forked processes; print their ids."
    requires_system_checks: list[str] = []

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("--processes", type=int, required=True)
        parser.add_argument("command", nargs=REMAINDER)

    def handle(self, *args: Any, processes: int, command: list[str], **options: Any) -> None:
        # Each process opens connections of its own; none may be shared through the fork.
        connections.close_all()
        children = set()
        for _ in range(processes):
            child = os.fork()
            if child == 0:
                try:
                    call_command(*command)
                finally:
                    os._exit(0)
            children.add(child)
        self.stdout.write(f"forked {' '.join(map(str, sorted(children)))}")
        self.stdout.flush()

        def stop_children(signal_number: int, frame: FrameType | None) -> None:
            for child in children:
                with suppress(ProcessLookupError):
                    os.kill(child, signal.SIGTERM)

        signal.signal(signal.SIGTERM, stop_children)
        while children:  # reaps each as it ends, so that a killed one is gone at once
            child, _ = os.wait()
            children.discard(child)
