"""A living specification of the API's error shape: every mapped exception, rendered."""

import pytest
from django.core.exceptions import ObjectDoesNotExist
from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import Http404
from rest_framework import exceptions
from rest_framework.response import Response

from {{ cookiecutter.project_slug }}.core.api.errors import handle_exception
from {{ cookiecutter.project_slug }}.core.exceptions import (
    ApplicationError,
    ConflictError,
    NotFoundError,
    PermissionDeniedError,
)


def render(exc: Exception) -> Response:
    response = handle_exception(exc, {})
    assert response is not None
    return response


@pytest.mark.parametrize(
    ("exc", "status", "code"),
    [
        (ApplicationError(), 400, "invalid"),
        (ApplicationError("Custom", code="custom_rule"), 400, "custom_rule"),
        (NotFoundError(), 404, "not_found"),
        (PermissionDeniedError(), 403, "permission_denied"),
        (ConflictError(), 409, "conflict"),
        (Http404(), 404, "not_found"),
        (ObjectDoesNotExist(), 404, "not_found"),
        (DjangoPermissionDenied(), 403, "permission_denied"),
        (exceptions.NotAuthenticated(), 401, "not_authenticated"),
        (exceptions.MethodNotAllowed("PUT"), 405, "method_not_allowed"),
        (exceptions.Throttled(wait=3), 429, "throttled"),
    ],
)
def test_handle_exception_maps_status_and_code(exc: Exception, status: int, code: str) -> None:
    response = render(exc)

    assert response.status_code == status
    assert set(response.data) == {"code", "message", "extra"}
    assert response.data["code"] == code
    assert response.data["message"]


def test_handle_exception_keeps_application_error_extra() -> None:
    response = render(ConflictError("Already done.", extra={"state": "done"}))

    assert response.data == {
        "code": "conflict",
        "message": "Already done.",
        "extra": {"state": "done"},
    }


def test_handle_exception_puts_serializer_field_errors_under_extra_fields() -> None:
    response = render(exceptions.ValidationError({"quantity": ["Must be positive."]}))

    assert response.status_code == 400
    assert response.data["code"] == "invalid"
    assert response.data["extra"] == {"fields": {"quantity": ["Must be positive."]}}


def test_handle_exception_maps_django_validation_error_from_full_clean() -> None:
    response = render(DjangoValidationError({"sku": ["Enter a valid SKU."]}))

    assert response.status_code == 400
    assert response.data["extra"] == {"fields": {"sku": ["Enter a valid SKU."]}}


def test_handle_exception_puts_errors_without_field_under_non_field_errors() -> None:
    response = render(DjangoValidationError("Broken."))

    assert response.data["extra"] == {"fields": {"non_field_errors": ["Broken."]}}


def test_handle_exception_leaves_unknown_errors_to_django() -> None:
    assert handle_exception(RuntimeError("boom"), {}) is None
