"""A third-party HTTP API stand-in on 127.0.0.1: answers as a test tells it, counts requests.

Behaviours: "ok" (200 with a JSON reference), "slow" (the same after `slow_seconds`),
"error" (500), "throttle" (429), "reject" (422), "hang" (accepts, never answers).
"""

import json
import socket
import threading
from collections import deque
from collections.abc import Iterable
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, Literal

type Behaviour = Literal["ok", "slow", "error", "throttle", "reject", "hang"]

STATUSES = {"ok": 200, "slow": 200, "error": 500, "throttle": 429, "reject": 422}


@dataclass(frozen=True)
class RecordedRequest:
    method: str
    path: str
    headers: dict[str, str]
    body: Any


class FakeProvider:
    def __init__(self) -> None:
        self.slow_seconds = 0.5
        self._behaviour: Behaviour = "ok"
        self._script: deque[Behaviour] = deque()
        self._requests: list[RecordedRequest] = []
        self._lock = threading.Lock()
        self._stopping = threading.Event()
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler_class())
        self._server.daemon_threads = True
        self._thread = threading.Thread(target=self._serve, daemon=True)

    @property
    def url(self) -> str:
        host, port = self._server.server_address[:2]
        return f"http://{host!s}:{port}"

    @property
    def requests(self) -> list[RecordedRequest]:
        with self._lock:
            return list(self._requests)

    @property
    def request_count(self) -> int:
        with self._lock:
            return len(self._requests)

    def behave(self, behaviour: Behaviour, *, first: Iterable[Behaviour] = ()) -> None:
        """Answer with each of `first` once, in order, then with `behaviour` from then on."""
        with self._lock:
            self._script = deque(first)
            self._behaviour = behaviour

    def start(self) -> None:
        self._thread.start()

    def stop(self) -> None:
        self._stopping.set()  # releases hanging requests, and ends the serving loop
        # The loop blocks until a connection arrives (serve_forever would poll every 0.5 s
        # for its shutdown flag instead): one empty connection wakes it to see the flag.
        socket.create_connection(("127.0.0.1", self._server.server_port)).close()
        self._thread.join(timeout=5)
        self._server.server_close()

    def _serve(self) -> None:
        while not self._stopping.is_set():
            self._server.handle_request()

    def _next(self, request: RecordedRequest) -> Behaviour:
        with self._lock:
            self._requests.append(request)
            return self._script.popleft() if self._script else self._behaviour

    def _handler_class(self) -> type[BaseHTTPRequestHandler]:
        provider = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                length = int(self.headers.get("Content-Length", 0))
                raw = self.rfile.read(length) if length else b""
                body = json.loads(raw) if raw else None
                request = RecordedRequest(self.command, self.path, dict(self.headers), body)
                behaviour = provider._next(request)
                if behaviour == "hang":
                    provider._stopping.wait()
                    return
                if behaviour == "slow":
                    provider._stopping.wait(provider.slow_seconds)
                status = STATUSES[behaviour]
                answer = json.dumps({"reference": f"ref-{provider.request_count}"}).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(answer)))
                self.end_headers()
                self.wfile.write(answer)

            do_GET = do_PUT = do_PATCH = do_DELETE = do_POST

            def log_message(self, format: str, *args: Any) -> None:
                pass  # keep test output clean

        return Handler
