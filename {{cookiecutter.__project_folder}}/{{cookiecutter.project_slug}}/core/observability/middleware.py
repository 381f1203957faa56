"""Request ids: every request runs under one correlation id, echoed in X-Request-ID."""

import re
import time
import uuid
from collections.abc import Callable

import structlog
from django.http import HttpRequest, HttpResponse

from {{ cookiecutter.project_slug }}.core.observability.correlation import correlation_id_set
from {{ cookiecutter.project_slug }}.core.observability.logs import REQUEST_ID_META_KEY

REQUEST_ID_HEADER = "X-Request-ID"
# What a caller's id may be: short (the outbox stores 64 characters) and free of anything that
# could forge log lines or headers. Anything else is replaced with a new id.
VALID_REQUEST_ID = re.compile(r"[A-Za-z0-9._:-]{8,64}")

logger = structlog.get_logger(__name__)


def request_id_from(request: HttpRequest) -> str:
    """The caller's X-Request-ID when it is well formed, else a new id."""
    incoming = request.headers.get(REQUEST_ID_HEADER, "")
    if VALID_REQUEST_ID.fullmatch(incoming):
        return incoming
    return uuid.uuid4().hex


class RequestIdMiddleware:
    """Run the request under its id: log lines, scheduled tasks and published events carry it."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        request_id = request_id_from(request)
        request.META[REQUEST_ID_META_KEY] = request_id
        started = time.perf_counter()
        with correlation_id_set(request_id):
            response = self.get_response(request)
            # One line a request, in place of the web server's access log: it has the id.
            logger.info(
                "request_finished",
                method=request.method,
                path=request.path,
                status=response.status_code,
                duration_ms=round((time.perf_counter() - started) * 1000, 1),
            )
        response[REQUEST_ID_HEADER] = request_id
        return response
