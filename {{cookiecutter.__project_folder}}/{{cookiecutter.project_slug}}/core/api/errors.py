"""One JSON shape for every error the API returns: {"code", "message", "extra"}.

Business errors (core.exceptions), Django's own exceptions and DRF's are all mapped here, so
views never build error responses themselves. Anything else stays a 500 and is logged.
"""

from typing import Any

from django.core.exceptions import ObjectDoesNotExist
from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import Http404
from rest_framework import exceptions, status
from rest_framework.response import Response
from rest_framework.serializers import as_serializer_error
from rest_framework.views import exception_handler as drf_exception_handler

from {{ cookiecutter.project_slug }}.core.exceptions import (
    ApplicationError,
    ConflictError,
    NotFoundError,
    PermissionDeniedError,
)

# Most specific first: the first matching class decides the status.
APPLICATION_ERROR_STATUSES: tuple[tuple[type[ApplicationError], int], ...] = (
    (NotFoundError, status.HTTP_404_NOT_FOUND),
    (PermissionDeniedError, status.HTTP_403_FORBIDDEN),
    (ConflictError, status.HTTP_409_CONFLICT),
    (ApplicationError, status.HTTP_400_BAD_REQUEST),
)


def error_body(*, code: str, message: str, extra: dict[str, Any] | None = None) -> dict[str, Any]:
    return {"code": code, "message": message, "extra": extra or {}}


def handle_exception(exc: Exception, context: dict[str, Any]) -> Response | None:
    if isinstance(exc, ApplicationError):
        return application_error_response(exc)

    if isinstance(exc, DjangoValidationError):
        exc = exceptions.ValidationError(as_serializer_error(exc))
    elif isinstance(exc, Http404 | ObjectDoesNotExist):
        exc = exceptions.NotFound()
    elif isinstance(exc, DjangoPermissionDenied):
        exc = exceptions.PermissionDenied()

    response = drf_exception_handler(exc, context)
    if response is None or not isinstance(exc, exceptions.APIException):
        return response

    response.data = api_exception_body(exc)
    return response


def application_error_response(exc: ApplicationError) -> Response:
    http_status = next(
        code for error_class, code in APPLICATION_ERROR_STATUSES if isinstance(exc, error_class)
    )
    return Response(
        error_body(code=exc.code, message=exc.message, extra=exc.extra), status=http_status
    )


def api_exception_body(exc: exceptions.APIException) -> dict[str, Any]:
    if isinstance(exc, exceptions.ValidationError):
        return error_body(
            code="invalid",
            message="The request is not valid.",
            extra={"fields": validation_details(exc.detail)},
        )
    codes = exc.get_codes()
    return error_body(
        code=codes if isinstance(codes, str) else exc.default_code,
        message=str(exc.detail),
    )


def validation_details(detail: Any) -> Any:
    """A field map for serializer errors; errors not tied to a field go under non_field_errors."""
    if isinstance(detail, dict):
        return detail
    return {"non_field_errors": detail}
