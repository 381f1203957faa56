"""One view per action: parse the request, call one service or selector, render the result."""

from drf_spectacular.utils import extend_schema
from rest_framework import status
from rest_framework.permissions import IsAdminUser
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from {{ cookiecutter.project_slug }}.core.api.pagination import DefaultPagination, paginated_response
from {{ cookiecutter.project_slug }}.modules.inventory.selectors import (
    stock_item_get,
    stock_item_list,
)
from {{ cookiecutter.project_slug }}.modules.inventory.serializers import (
    StockItemCreateInputSerializer,
    StockItemFilterSerializer,
    StockItemOutputSerializer,
    StockReceiveInputSerializer,
)
from {{ cookiecutter.project_slug }}.modules.inventory.services import (
    stock_item_create,
    stock_receive,
)


class StockItemListApi(APIView):
    pagination_class = DefaultPagination

    @extend_schema(
        parameters=[StockItemFilterSerializer],
        responses=StockItemOutputSerializer(many=True),
    )
    def get(self, request: Request) -> Response:
        filters = StockItemFilterSerializer(data=request.query_params)
        filters.is_valid(raise_exception=True)
        items = stock_item_list(in_stock_only=filters.validated_data["in_stock"])
        return paginated_response(
            queryset=items,
            serializer_class=StockItemOutputSerializer,
            request=request,
            view=self,
        )


class StockItemDetailApi(APIView):
    @extend_schema(responses=StockItemOutputSerializer)
    def get(self, request: Request, sku: str) -> Response:
        item = stock_item_get(sku=sku)
        return Response(StockItemOutputSerializer(item).data)


class StockItemCreateApi(APIView):
    permission_classes = [IsAdminUser]

    @extend_schema(
        request=StockItemCreateInputSerializer,
        responses={201: StockItemOutputSerializer},
    )
    def post(self, request: Request) -> Response:
        serializer = StockItemCreateInputSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        item = stock_item_create(**serializer.validated_data)
        output = StockItemOutputSerializer(stock_item_get(sku=item.sku))
        return Response(output.data, status=status.HTTP_201_CREATED)


class StockReceiveApi(APIView):
    permission_classes = [IsAdminUser]

    @extend_schema(request=StockReceiveInputSerializer, responses=StockItemOutputSerializer)
    def post(self, request: Request, sku: str) -> Response:
        serializer = StockReceiveInputSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        stock_receive(sku=sku, **serializer.validated_data)
        return Response(StockItemOutputSerializer(stock_item_get(sku=sku)).data)
