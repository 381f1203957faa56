"""Structured logs: JSON lines in production, readable colour-free lines on a console.

Every line, from structlog or from the standard library's loggers (Django's, Celery's,
anything's), goes through the same processors and carries the correlation id of the work in
progress, so a request's lines, its tasks' and its event handlers' share one id.
config/settings/base.py builds LOGGING with `logging_config()`; the core app calls
`structlog_configure()` when Django starts.
"""

from typing import Any

import structlog
from django.http import HttpRequest
from structlog.typing import EventDict, Processor, WrappedLogger

from {{ cookiecutter.project_slug }}.core.observability.correlation import correlation_id_or_none

# Where the request id middleware leaves a request's id, for lines logged after it returned.
REQUEST_ID_META_KEY = "REQUEST_ID"


def correlation_id_add(logger: WrappedLogger, method_name: str, event_dict: EventDict) -> EventDict:
    correlation_id = correlation_id_or_none()
    # Django logs 4xx and 5xx responses on django.request once the middleware has returned, with
    # the request in the record: its id comes from there, and the request object is not logged.
    request = event_dict.pop("request", None)
    if correlation_id is None and isinstance(request, HttpRequest):
        correlation_id = request.META.get(REQUEST_ID_META_KEY)
    if correlation_id is not None:
        event_dict.setdefault("correlation_id", correlation_id)
    return event_dict


# Applied to every line, before the renderer.
SHARED_PROCESSORS: list[Processor] = [
    structlog.contextvars.merge_contextvars,
    # Before correlation_id_add, which looks for the request among a record's extras.
    structlog.stdlib.ExtraAdder(),
    correlation_id_add,
    structlog.stdlib.add_log_level,
    structlog.stdlib.add_logger_name,
    structlog.processors.TimeStamper(fmt="iso", utc=True),
    structlog.processors.StackInfoRenderer(),
]


def logging_config(*, json: bool, level: str) -> dict[str, Any]:
    """A dictConfig for the LOGGING setting: one handler to stderr, one format for every line."""
    renderer: Processor
    if json:
        renderer = structlog.processors.JSONRenderer()
        tail: list[Processor] = [structlog.processors.dict_tracebacks]
    else:
        # Plain tracebacks: with rich installed (a dev dependency brings it), structlog would
        # render each one with every local variable, seconds per logged exception.
        renderer = structlog.dev.ConsoleRenderer(
            colors=False, exception_formatter=structlog.dev.plain_traceback
        )
        tail = []
    return {
        "version": 1,
        "disable_existing_loggers": False,
        "formatters": {
            "structured": {
                "()": structlog.stdlib.ProcessorFormatter,
                "foreign_pre_chain": SHARED_PROCESSORS,
                "processors": [
                    structlog.stdlib.ProcessorFormatter.remove_processors_meta,
                    *tail,
                    renderer,
                ],
            },
        },
        "handlers": {
            "console": {"class": "logging.StreamHandler", "formatter": "structured"},
        },
        "root": {"handlers": ["console"], "level": level},
    }


def structlog_configure() -> None:
    """Route structlog's loggers through the standard library's, and so through LOGGING."""
    structlog.configure(
        processors=[
            structlog.stdlib.filter_by_level,
            *SHARED_PROCESSORS,
            structlog.stdlib.ProcessorFormatter.wrap_for_formatter,
        ],
        logger_factory=structlog.stdlib.LoggerFactory(),
        wrapper_class=structlog.stdlib.BoundLogger,
        cache_logger_on_first_use=True,
    )
