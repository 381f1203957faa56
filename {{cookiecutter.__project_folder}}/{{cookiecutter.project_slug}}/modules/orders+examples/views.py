"""One view per action: parse the request, call one service or selector, render the result."""

from uuid import UUID

from drf_spectacular.utils import extend_schema
from rest_framework import status
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from {{ cookiecutter.project_slug }}.core.api.pagination import DefaultPagination, paginated_response
from {{ cookiecutter.project_slug }}.modules.orders.selectors import order_get, order_list
from {{ cookiecutter.project_slug }}.modules.orders.serializers import (
    OrderOutputSerializer,
    OrderPlaceInputSerializer,
)
from {{ cookiecutter.project_slug }}.modules.orders.services import (
    OrderLineInput,
    order_cancel,
    order_place,
)


class OrderListApi(APIView):
    pagination_class = DefaultPagination

    @extend_schema(responses=OrderOutputSerializer(many=True))
    def get(self, request: Request) -> Response:
        return paginated_response(
            queryset=order_list(customer=request.user),
            serializer_class=OrderOutputSerializer,
            request=request,
            view=self,
        )


class OrderDetailApi(APIView):
    @extend_schema(responses=OrderOutputSerializer)
    def get(self, request: Request, public_id: UUID) -> Response:
        order = order_get(public_id=public_id, customer=request.user)
        return Response(OrderOutputSerializer(order).data)


class OrderPlaceApi(APIView):
    @extend_schema(request=OrderPlaceInputSerializer, responses={201: OrderOutputSerializer})
    def post(self, request: Request) -> Response:
        serializer = OrderPlaceInputSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        lines = [OrderLineInput(**line) for line in serializer.validated_data["lines"]]
        order = order_place(customer=request.user, lines=lines)
        output = OrderOutputSerializer(order_get(public_id=order.public_id, customer=request.user))
        return Response(output.data, status=status.HTTP_201_CREATED)


class OrderCancelApi(APIView):
    @extend_schema(request=None, responses=OrderOutputSerializer)
    def post(self, request: Request, public_id: UUID) -> Response:
        order = order_get(public_id=public_id, customer=request.user)
        order_cancel(order=order)
        output = OrderOutputSerializer(order_get(public_id=public_id, customer=request.user))
        return Response(output.data)
