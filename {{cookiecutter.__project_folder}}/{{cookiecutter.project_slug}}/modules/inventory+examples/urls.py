from django.urls import path

from {{ cookiecutter.project_slug }}.modules.inventory.views import (
    StockItemCreateApi,
    StockItemDetailApi,
    StockItemListApi,
    StockReceiveApi,
)

app_name = "inventory"

urlpatterns = [
    path("items/", StockItemListApi.as_view(), name="item-list"),
    path("items/create/", StockItemCreateApi.as_view(), name="item-create"),
    path("items/<str:sku>/", StockItemDetailApi.as_view(), name="item-detail"),
    path("items/<str:sku>/receive/", StockReceiveApi.as_view(), name="item-receive"),
]
