"""`manage.py launch_processes`: starts project processes for tests, each in a fraction of a second.

Django starts once, here (a second or more of imports); then each process a test asks for is
forked from this one and runs its command as `python ARGS...` would: a real process, with its
own connections, killed on its own. One request a line on stdin, as JSON:

    {"argv": ["manage.py", "db_worker", ...], "settings": {...}, "output": "/tmp/x.log"}

`argv` is what follows `python` (`-m MODULE ...` works too), `settings` override Django's in
the new process (what the test changed), and its stdout and stderr go to `output`. The
answer is the new process's id, on a line. core.testing.processes is the client.
"""

import importlib
import json
import os
import runpy
import signal
import sys
import traceback
from argparse import ArgumentParser
from typing import Any

from django.core import checks
from django.core.management.base import BaseCommand
from django.db import connections
from django.test import override_settings


class Command(BaseCommand):
    help = "Fork project processes for tests on request (JSON lines on stdin); print their ids."
    requires_system_checks: list[str] = []

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument(
            "--preload",
            action="append",
            default=[],
            help="A module to import before forking (what the processes will run), repeatable.",
        )

    def handle(self, *args: Any, preload: list[str], **options: Any) -> None:
        # What each process would do first, done once here: the system checks import the
        # URLconf, the views and the admin; the preloaded modules are the commands' own.
        checks.run_checks()
        for module in preload:
            importlib.import_module(module)
        # Ended children are reaped at once, so that a test sees a killed one gone.
        signal.signal(signal.SIGCHLD, signal.SIG_IGN)
        for line in sys.stdin:
            request = json.loads(line)
            connections.close_all()  # each process opens connections of its own
            sys.stdout.flush()
            sys.stderr.flush()
            child = os.fork()
            if child == 0:
                run_child(request)
            self.stdout.write(str(child))
            self.stdout.flush()


def run_child(request: dict[str, Any]) -> None:
    """Become the requested process; never return."""
    code = 0
    try:
        signal.signal(signal.SIGCHLD, signal.SIG_DFL)  # its own children are its business
        os.setsid()  # a group of its own: a kill of the group ends what it started too
        stdin = os.open(os.devnull, os.O_RDONLY)  # the requests are the launcher's to read
        os.dup2(stdin, sys.stdin.fileno())
        os.close(stdin)
        output = os.open(request["output"], os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
        os.dup2(output, sys.stdout.fileno())
        os.dup2(output, sys.stderr.fileno())
        os.close(output)
        override_settings(**request["settings"]).enable()
        argv: list[str] = request["argv"]
        if argv[0] == "-m":
            sys.argv = argv[1:]
            runpy.run_module(argv[1], run_name="__main__", alter_sys=True)
        else:
            sys.argv = argv
            runpy.run_path(argv[0], run_name="__main__")
    except SystemExit as exit:
        code = exit.code if isinstance(exit.code, int) else 1
    except BaseException:
        traceback.print_exc()
        code = 1
    finally:
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(code)
