from typing import Any

from django.core.exceptions import ImproperlyConfigured
from django.db.models import QuerySet
from rest_framework.pagination import BasePagination, LimitOffsetPagination
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.serializers import BaseSerializer
from rest_framework.views import APIView


class DefaultPagination(LimitOffsetPagination):
    default_limit = 50
    max_limit = 200


def paginated_response(
    *,
    queryset: QuerySet[Any],
    serializer_class: type[BaseSerializer[Any]],
    request: Request,
    view: APIView,
) -> Response:
    """Serialize one page of `queryset` in the {"count", "next", "previous", "results"} shape.

    The view's `pagination_class` paginates: the API schema reads the same attribute, so the
    documented page shape and parameters are the ones served.
    """
    pagination_class: type[BasePagination] | None = getattr(view, "pagination_class", None)
    if pagination_class is None:
        raise ImproperlyConfigured(
            f"{type(view).__name__} must set pagination_class (e.g. DefaultPagination)"
        )
    paginator = pagination_class()
    page = paginator.paginate_queryset(queryset, request, view=view)
    serializer = serializer_class(page, many=True)
    return paginator.get_paginated_response(serializer.data)
